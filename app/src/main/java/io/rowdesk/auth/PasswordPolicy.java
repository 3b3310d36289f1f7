package io.rowdesk.auth;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import io.rowdesk.error.ErrorKind;
import io.rowdesk.error.UserFacingException;
import java.util.List;
import java.util.Optional;

/**
 * Every password, the first admin's from {@code ROWDESK_ADMIN_PASSWORD} included: at least 12
 * characters, and not guessable by zxcvbn (Dropbox's estimator, maintained as nulab's Java port),
 * whose dictionaries hold the common-password lists and common words and names, and which also sees
 * through keyboard patterns, repeats, dates and the user's own email.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;
    // zxcvbn's score 3: "safely unguessable: moderate protection from offline slow-hash scenario".
    static final int MIN_SCORE = 3;

    private final Zxcvbn zxcvbn = new Zxcvbn();

    /** Why {@code password} is not acceptable for {@code email}, or empty when it is. */
    public Optional<String> problem(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        List<String> userInputs =
                email == null ? List.of() : List.of(email, email.split("@", 2)[0]);
        Strength strength = zxcvbn.measure(password, userInputs);
        if (strength.getScore() < MIN_SCORE) {
            String warning = strength.getFeedback().getWarning();
            return Optional.of(
                    "This password is too easy to guess"
                            + (warning == null || warning.isBlank() ? "" : " (" + warning + ")")
                            + ". Add a few uncommon words or use a password manager.");
        }
        return Optional.empty();
    }

    /** Throws a 400 naming the problem. */
    public void check(String password, String email) {
        problem(password, email)
                .ifPresent(
                        p -> {
                            throw new UserFacingException(ErrorKind.BAD_REQUEST, p);
                        });
    }
}
