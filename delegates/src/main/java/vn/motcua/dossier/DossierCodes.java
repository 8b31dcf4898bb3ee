package vn.motcua.dossier;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Dossier codes in the national form {@code <receiving unit code>-<YYMMDD>-<NNNN>}, e.g.
 * {@code 000.00.17.H26-250701-0001}, numbered per receiving unit per day of receipt.
 */
@Component
public class DossierCodes {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private final DossierRepository dossiers;

    public DossierCodes(DossierRepository dossiers) {
        this.dossiers = dossiers;
    }

    /** Must run inside the transaction that stores the dossier, so a rollback gives the number back. */
    public String next(String unitCode, LocalDate receiptDay) {
        return format(unitCode, receiptDay, dossiers.nextCodeNumber(unitCode, receiptDay));
    }

    static String format(String unitCode, LocalDate receiptDay, int number) {
        return "%s-%s-%04d".formatted(unitCode, DAY.format(receiptDay), number);
    }
}
