package vn.motcua.payment;

import java.util.ArrayList;
import java.util.List;

/** Amounts as Vietnamese text writes them: {@code 200.000 đ}, and in words, {@code Hai trăm nghìn đồng}. */
public final class Dong {

    private static final String[] DIGITS = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};
    private static final long BILLION = 1_000_000_000L;

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

    /**
     * The amount in words as receipts and invoices write it ("số tiền bằng chữ"), e.g. 1.234.000 is {@code Một
     * triệu hai trăm ba mươi tư nghìn đồng}, 1.005.000 is {@code Một triệu không trăm linh năm nghìn đồng}: groups
     * of three digits with nghìn, triệu, tỷ (and nghìn tỷ beyond); an empty group is left out; a group after the
     * first is read in full ("không trăm", "linh"); after "mươi" 1 is "mốt", 4 is "tư", and after "mười" or
     * "mươi" 5 is "lăm".
     *
     * @throws IllegalArgumentException for a negative amount
     */
    public static String words(long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("A negative amount has no receipt wording: " + amount);
        }
        String words = amount == 0 ? DIGITS[0] : spell(amount, true);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " đồng";
    }

    /** A positive number in words; {@code leading}: nothing is read before it (no "không trăm" in front). */
    private static String spell(long n, boolean leading) {
        if (n >= BILLION) {
            long rest = n % BILLION;
            String high = spell(n / BILLION, leading) + " tỷ";
            return rest == 0 ? high : high + " " + belowBillion(rest, false);
        }
        return belowBillion(n, leading);
    }

    private static String belowBillion(long n, boolean leading) {
        int[] groups = {(int) (n / 1_000_000), (int) (n / 1_000 % 1_000), (int) (n % 1_000)};
        String[] units = {" triệu", " nghìn", ""};
        List<String> parts = new ArrayList<>();
        boolean first = leading;
        for (int i = 0; i < groups.length; i++) {
            if (groups[i] != 0) {
                parts.add(group(groups[i], !first) + units[i]);
                first = false;
            }
        }
        return String.join(" ", parts);
    }

    /** One group of three digits (1–999); {@code full}: read the hundreds and "linh" even when they are zero. */
    private static String group(int g, boolean full) {
        int h = g / 100;
        int t = g / 10 % 10;
        int u = g % 10;
        List<String> words = new ArrayList<>();
        if (full || h > 0) {
            words.add(DIGITS[h] + " trăm");
        }
        if (t == 0) {
            if (u != 0 && (full || h > 0)) {
                words.add("linh");
            }
        } else if (t == 1) {
            words.add("mười");
        } else {
            words.add(DIGITS[t] + " mươi");
        }
        if (u != 0) {
            if (u == 1 && t >= 2) {
                words.add("mốt");
            } else if (u == 4 && t >= 2) {
                words.add("tư");
            } else if (u == 5 && t >= 1) {
                words.add("lăm");
            } else {
                words.add(DIGITS[u]);
            }
        }
        return String.join(" ", words);
    }
}
