package vn.motcua.app.clerk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import vn.motcua.engine.EngineClock;

/**
 * Dates and numbers as the workspace pages show them: Vietnam time, day first ({@code 01/12/2026 09:00}), and
 * Vietnamese digit grouping. Exposed to the templates as {@code fmt}.
 */
public final class PageFormat {

    public static final PageFormat INSTANCE = new PageFormat();

    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(EngineClock.VIETNAM);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(EngineClock.VIETNAM);

    private PageFormat() {}

    /** {@code 01/12/2026 09:00}, or empty. */
    public String dt(Instant instant) {
        return instant == null ? "" : DAY_TIME.format(instant);
    }

    /** {@code 01/12/2026}, or empty. */
    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }

    /** The machine-readable moment for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** {@code 1.234.567} */
    public String number(long n) {
        return String.format(Locale.forLanguageTag("vi-VN"), "%,d", n);
    }

    /** A rate 0..1 as {@code 87,5 %}, or a dash when there is nothing to count. */
    public String percent(Double rate) {
        if (rate == null) {
            return "—";
        }
        return new BigDecimal(rate * 100)
                        .setScale(1, java.math.RoundingMode.HALF_UP)
                        .toPlainString()
                        .replace('.', ',')
                + " %";
    }

    /** A public status's name (1-10) in the page's language ({@code en} or Vietnamese). */
    public String statusName(int code, String language) {
        var status = vn.motcua.dossier.PublicStatus.ofCode(code);
        return "en".equals(language) ? status.nameEn() : status.nameVi();
    }

    /** A file size for people: {@code 245 KB}. */
    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes + 512) / 1024 + " KB";
        }
        return String.format(Locale.forLanguageTag("vi-VN"), "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
