package io.rowdesk.search;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The scalar, aggregate and window functions a guarded query may call, by the name DuckDB's parser
 * gives them (operators included: {@code x LIKE y} is the function {@code ~~}). Anything not here
 * is refused, so new DuckDB functions are off until someone adds them. Never add functions that
 * read files, settings or variables, touch sequences or random seeds, or produce unbounded output
 * (read_*, glob, query, getvariable, current_setting, nextval, setseed, range, generate_series,
 * repeat). Nor functions whose one call can run longer than the query's time limit, which DuckDB
 * cannot interrupt inside a call and folds while preparing when the arguments are constants:
 * quadratic string distances (levenshtein, damerau_levenshtein, editdist3, jaro_similarity,
 * jaro_winkler_similarity) and functions whose output size is an argument (lpad, rpad, format and
 * printf with a width), which turn a short query into a string of any length.
 */
final class AllowedFunctions {
    private AllowedFunctions() {}

    static final Set<String> OPERATORS =
            Set.of(
                    "+", "-", "*", "/", "//", "%", "**", "^", "||", "&", "|", "<<", ">>", "~", "@",
                    "~~", "!~~", "~~*", "!~~*", "~~~", "!~~~", "^@", "&&", "@>", "<@", "->", "->>");

    static final Set<String> SCALAR =
            words(
                    """
            lower upper lcase ucase concat concat_ws substr substring substring_grapheme strpos instr position
            contains starts_with ends_with prefix suffix length len char_length character_length strlen
            octet_length bit_length trim ltrim rtrim replace reverse left right left_grapheme right_grapheme
            split_part string_split str_split string_to_array string_split_regex regexp_matches
            regexp_full_match regexp_replace regexp_extract regexp_extract_all regexp_split_to_array
            like_escape not_like_escape ilike_escape not_ilike_escape ascii chr unicode ord md5 sha1 sha256 hash
            jaccard hamming mismatches strip_accents nfc_normalize translate to_base64 from_base64 base64
            url_encode url_decode array_to_string list_aggr
            abs round round_even even floor ceil ceiling trunc sign sqrt cbrt power pow exp ln log log2 log10
            mod greatest least pi degrees radians sin cos tan asin acos atan atan2 cot isnan isinf isfinite
            factorial gcd lcm bit_count xor random gen_random_uuid uuid
            coalesce nullif ifnull if iff typeof
            date_trunc datetrunc date_part datepart date_diff datediff date_sub datesub date_add strftime
            strptime try_strptime current_date current_timestamp current_time now today get_current_timestamp
            get_current_time transaction_timestamp age year month day dayofmonth dayofweek weekday dayofyear isodow
            isoyear week weekofyear quarter hour minute second millisecond microsecond nanosecond epoch epoch_ms
            epoch_us epoch_ns yearweek monthname dayname last_day make_date make_time make_timestamp
            make_timestamptz to_timestamp to_days to_hours to_minutes to_seconds to_months to_years to_weeks
            to_milliseconds to_microseconds to_centuries to_decades to_millennia to_quarters era century decade
            millennium time_bucket julian timezone timezone_hour timezone_minute
            list_value list_pack array_length list_contains list_has array_contains array_has list_extract
            list_element array_extract list_slice array_slice list_sort array_sort list_reverse_sort
            list_distinct array_distinct list_unique array_unique list_sum list_min list_max list_avg list_count
            list_transform array_transform list_apply array_apply list_filter array_filter list_reduce
            array_reduce list_concat array_concat list_cat array_cat flatten list_position list_indexof
            array_position list_zip cardinality unnest struct_pack struct_extract row map map_extract
            map_keys map_values element_at
            json_extract json_extract_string json_extract_path json_extract_path_text json_value json_object
            json_array json_type json_valid json_keys json_array_length to_json
            """);

    static final Set<String> AGGREGATE =
            words(
                    """
            count count_star sum avg mean min max median mode quantile quantile_cont quantile_disc
            approx_quantile approx_count_distinct string_agg group_concat listagg list array_agg first last
            any_value arbitrary bool_or bool_and every stddev stddev_pop stddev_samp variance var_pop var_samp
            corr covar_pop covar_samp arg_min arg_max argmin argmax min_by max_by product bit_and bit_or bit_xor
            count_if countif fsum sumkahan kahan_sum favg histogram entropy kurtosis kurtosis_pop skewness
            regr_avgx regr_avgy regr_count regr_intercept regr_r2 regr_slope regr_sxx regr_sxy regr_syy
            geomean geometric_mean weighted_avg wavg
            """);

    static final Set<String> WINDOW =
            words(
                    """
            row_number rank dense_rank rank_dense percent_rank cume_dist ntile lag lead first_value last_value
            nth_value
            """);

    static boolean allowed(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return OPERATORS.contains(lower)
                || SCALAR.contains(lower)
                || AGGREGATE.contains(lower)
                || WINDOW.contains(lower);
    }

    private static Set<String> words(String text) {
        return Stream.of(text.trim().split("\\s+")).collect(Collectors.toUnmodifiableSet());
    }
}
