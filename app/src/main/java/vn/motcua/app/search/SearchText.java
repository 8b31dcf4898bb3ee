package vn.motcua.app.search;

import java.util.Locale;
import vn.motcua.text.VietnameseText;

/** How names, phone numbers and identity numbers are put into the index and into queries, the same way both times. */
final class SearchText {

    private SearchText() {}

    /**
     * Without diacritics and in lower case: "Nguyễn Văn Đoàn" and "nguyen van doan" become the same. Elasticsearch
     * here has no folding filter (no analysis-common module), so this is done in Java, at index and query time.
     */
    static String fold(String text) {
        return text == null ? null : VietnameseText.fold(text).toLowerCase(Locale.ROOT);
    }

    /** Digits only, with the country code +84 turned back into the leading 0: "+84 912.345.678" is "0912345678". */
    static String phone(String text) {
        if (text == null) {
            return null;
        }
        String digits = text.replaceAll("\\D", "");
        if (digits.startsWith("84") && digits.length() >= 11) {
            digits = "0" + digits.substring(2);
        }
        return digits.isEmpty() ? null : digits;
    }

    /** Identity numbers (CMND 9 digits, CCCD 12 digits) without spaces or dots. */
    static String identityNumber(String text) {
        if (text == null) {
            return null;
        }
        String compact = text.replaceAll("[\\s.]", "");
        return compact.isEmpty() ? null : compact;
    }
}
