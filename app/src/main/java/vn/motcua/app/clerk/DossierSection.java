package vn.motcua.app.clerk;

import java.util.List;
import vn.motcua.dossier.Dossier;

/**
 * A section another feature adds to the clerk's dossier view: the payments and the desk payment form (payment),
 * the printable slips (slips), the signed result (results). Implement it as a Spring bean; the view lists every
 * bean's section in {@link #order()}, each line as text (never HTML) with an optional link.
 */
public interface DossierSection {

    /** Place on the page, low first. */
    int order();

    String titleVi();

    String titleEn();

    /** What the section shows for this dossier; empty hides the section. */
    List<Line> lines(Dossier dossier);

    /**
     * One line: a label, its value and, when {@code href} is given, a link (same-site path) to follow, e.g. the
     * receipt slip's PDF or the desk payment form.
     */
    record Line(String label, String value, String href) {

        public static Line text(String label, String value) {
            return new Line(label, value, null);
        }

        public static Line link(String label, String value, String href) {
            if (href == null || !href.startsWith("/") || href.startsWith("//")) {
                throw new IllegalArgumentException("A section links within the site only: " + href);
            }
            return new Line(label, value, href);
        }
    }
}
