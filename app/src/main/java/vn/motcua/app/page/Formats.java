package vn.motcua.app.page;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import org.springframework.stereotype.Component;
import vn.motcua.engine.EngineClock;

/**
 * How the pages write dates and money, in both languages (Vietnamese conventions are kept in English too, as a
 * Vietnamese form would be): dates {@code dd/MM/yyyy}, times {@code dd/MM/yyyy HH:mm} in Vietnam's time, money in
 * whole đồng with dots between thousands and a no-break space before "đ" ({@code 1.234.000 đ}). Templates call it
 * as the bean {@value #BEAN}: {@code ${@fmt.date(d.submittedAt)}}, {@code ${@fmt.money(fee.amount)}}; page scripts
 * have the same rules in site.js ({@code Motcua.formatDate}, {@code Motcua.formatMoney}). Null gives "".
 */
@Component(Formats.BEAN)
public class Formats {

    public static final String BEAN = "fmt";
    static final char NO_BREAK_SPACE = '\u00a0';

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** {@code 05/03/2026}; an instant or an offset time is first put in Vietnam's time. */
    public String date(Object value) {
        return format(value, DATE);
    }

    /** {@code 05/03/2026 14:30}, in Vietnam's time. */
    public String dateTime(Object value) {
        return format(value, DATE_TIME);
    }

    /** {@code 1.234.000 đ}; 0 is {@code 0 đ}. */
    public String money(Number amount) {
        if (amount == null) {
            return "";
        }
        long value = amount.longValue();
        String digits = Long.toString(Math.abs(value));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append('.');
            }
            out.append(digits.charAt(i));
        }
        return (value < 0 ? "-" : "") + out + NO_BREAK_SPACE + "đ";
    }

    private static String format(Object value, DateTimeFormatter formatter) {
        if (value == null) {
            return "";
        }
        TemporalAccessor local;
        if (value instanceof Instant i) {
            local = i.atZone(EngineClock.VIETNAM);
        } else if (value instanceof OffsetDateTime o) {
            local = o.atZoneSameInstant(EngineClock.VIETNAM);
        } else if (value instanceof ZonedDateTime z) {
            local = z.withZoneSameInstant(EngineClock.VIETNAM);
        } else if (value instanceof LocalDateTime l) {
            local = l;
        } else if (value instanceof LocalDate d) {
            local = formatter == DATE_TIME ? d.atStartOfDay() : d;
        } else {
            throw new IllegalArgumentException("Not a date: " + value.getClass().getName());
        }
        return formatter.format(local);
    }
}
