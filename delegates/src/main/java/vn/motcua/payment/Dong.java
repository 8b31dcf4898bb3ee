package vn.motcua.payment;

/** Amounts as Vietnamese text writes them: {@code 200.000 đ}. */
public final class Dong {

    private Dong() {}

    public static String format(long amount) {
        String digits = Long.toString(Math.abs(amount));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append('.');
            }
            out.append(digits.charAt(i));
        }
        return (amount < 0 ? "-" : "") + out + " đ";
    }
}
