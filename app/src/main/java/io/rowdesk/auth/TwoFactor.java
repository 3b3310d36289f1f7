package io.rowdesk.auth;

import dev.samstevens.totp.code.CodeVerifier;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.time.Clock;
import java.util.Objects;

/**
 * RFC 6238 time-based one-time passwords through dev.samstevens.totp: 6 digits, 30 s steps, SHA-1
 * (what authenticator apps expect), one step of clock drift either way.
 */
public final class TwoFactor {
    private static final int PERIOD = 30;
    private final Clock clock;
    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator();
    private final CodeVerifier verifier;
    private final DefaultCodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1);

    public TwoFactor(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock is null");
        DefaultCodeVerifier verifier =
                new DefaultCodeVerifier(generator, () -> clock.instant().getEpochSecond());
        verifier.setTimePeriod(PERIOD);
        verifier.setAllowedTimePeriodDiscrepancy(1);
        this.verifier = verifier;
    }

    public String newSecret() {
        return secrets.generate();
    }

    /** The otpauth:// address an authenticator app reads (as a QR code or pasted). */
    public String uri(String secret, String email) {
        return new QrData.Builder()
                .label(email)
                .secret(secret)
                .issuer("Rowdesk")
                .algorithm(HashingAlgorithm.SHA1)
                .digits(6)
                .period(PERIOD)
                .build()
                .getUri();
    }

    public boolean verify(String secret, String code) {
        if (code == null) {
            return false;
        }
        String digits = code.replace(" ", "");
        return digits.matches("\\d{6}") && verifier.isValidCode(secret, digits);
    }

    /** The current code, for tests and for a CLI that enrols a script's user. */
    public String currentCode(String secret) {
        try {
            return generator.generate(secret, clock.instant().getEpochSecond() / PERIOD);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }
}
