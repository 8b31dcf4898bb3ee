package vn.motcua.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Vietnamese text without its diacritics: for search ("nguyen van doan" finds "Nguyễn Văn Đoàn") and for SMS. */
public final class VietnameseText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private VietnameseText() {}

    /** Removes tone and vowel marks; đ and Đ, which are letters of their own, become d and D. */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return COMBINING_MARKS
                .matcher(decomposed)
                .replaceAll("")
                .replace('đ', 'd')
                .replace('Đ', 'D');
    }
}
