package org.epaworkbench.people;

/**
 * A Unique Learner Number: ten digits, the first not zero, with a check digit. The check, as the
 * Learning Records Service defines it (published in HESA's field definition of ULN): the digits
 * weighted 10, 9, ..., 1 sum to a number whose remainder on division by 11 is 10.
 */
public record Uln(String value) {

    public Uln {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Why the text is not a valid ULN, or null when it is. */
    public static String problem(String text) {
        if (text == null || text.isBlank()) {
            return "ULN is missing: enter the apprentice's 10-digit Unique Learner Number.";
        }
        String digits = text.strip();
        if (!digits.matches("[0-9]+")) {
            return "ULN must be digits only; “" + digits + "” has other characters.";
        }
        if (digits.length() != 10) {
            return "ULN must be 10 digits; “" + digits + "” has " + digits.length() + ".";
        }
        if (digits.charAt(0) == '0') {
            return "ULN cannot start with 0.";
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        if (sum % 11 != 10) {
            return "ULN " + digits + " fails its check digit: check it against the apprentice's record.";
        }
        return null;
    }

    public static boolean isValid(String text) {
        return problem(text) == null;
    }

    public static Uln of(String text) {
        return new Uln(text.strip());
    }

    @Override
    public String toString() {
        return value;
    }
}
