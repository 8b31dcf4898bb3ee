package vn.motcua.app.clerk;

import java.security.Principal;
import java.util.List;
import vn.motcua.dossier.Dossier;

/**
 * A section another feature adds to the clerk's dossier view: the payments and the desk payment form (payment),
 * the printable slips (slips), the signed result (results). Implement it as a Spring bean; the view lists every
 * bean's section in {@link #order()}, each line as text (never HTML) with an optional link, built for the signed-in
 * reader ({@link #lines(Dossier, Principal)}).
 */
public interface DossierSection {

    /** Place on the page, low first. */
    int order();

    String titleVi();

    String titleEn();

    /** What the section shows for this dossier to anyone who may open it; empty hides the section. */
    List<Line> lines(Dossier dossier);

    /**
     * What the section shows to this reader, who may open the dossier page: a section offering an action (a form,
     * a link to an API) offers it only to those the API would not refuse ({@code DossierAccess#may}). By default
     * {@link #lines(Dossier)}, for sections that offer nothing beyond what every reader may do.
     */
    default List<Line> lines(Dossier dossier, Principal reader) {
        return lines(dossier);
    }

    /**
     * One line: a label, its value and, when {@code href} is given, a link (same-site path) to follow, e.g. the
     * receipt slip's PDF; when {@code payment} is given, the desk payment form under it.
     */
    record Line(String label, String value, String href, DeskPaymentForm payment) {

        public Line(String label, String value, String href) {
            this(label, value, href, null);
        }

        public static Line text(String label, String value) {
            return new Line(label, value, null);
        }

        public static Line link(String label, String value, String href) {
            return new Line(label, value, sameSite(href));
        }

        /** A line with the form that records a fee paid at the counter ({@code POST action}, JSON, CSRF header). */
        public static Line deskPayment(String label, String value, String action, long amount) {
            return new Line(label, value, null, new DeskPaymentForm(sameSite(action), amount));
        }

        private static String sameSite(String href) {
            if (href == null || !href.startsWith("/") || href.startsWith("//")) {
                throw new IllegalArgumentException("A section links within the site only: " + href);
            }
            return href;
        }
    }

    /**
     * The desk payment form: the page posts {@code {"amount", "method"}} to {@code action} (the payment API, which
     * checks the clerk and the amount) and shows its problem as text.
     */
    record DeskPaymentForm(String action, long amount) {}
}
