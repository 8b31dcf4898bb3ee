package vn.motcua.app.page;

import java.util.Locale;

/** The two languages the pages speak: Vietnamese, the language of record, and English. */
public final class Languages {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final Locale ENGLISH = Locale.ENGLISH;

    private Languages() {}

    /** {@code vi} or {@code en}, else null. */
    static Locale of(String tag) {
        if ("vi".equals(tag)) {
            return VIETNAMESE;
        }
        if ("en".equals(tag)) {
            return ENGLISH;
        }
        return null;
    }

    /** True when a text should be shown in English (the visitor chose it); Vietnamese otherwise. */
    public static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /** The Vietnamese text, or the English one when the visitor chose English and there is one. */
    public static String pick(Locale locale, String vi, String en) {
        return isEnglish(locale) && en != null && !en.isBlank() ? en : vi;
    }
}
