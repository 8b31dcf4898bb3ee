package vn.motcua.fee;

import java.util.List;

/**
 * What a dossier of a procedure would cost: the sum of its items, in whole đồng.
 *
 * @param legalBasis the legal texts the items follow, or null when nothing is due under a fee table
 */
public record FeeQuote(long amount, String currency, List<Item> items, String legalBasis) {

    public static final String VND = "VND";

    public FeeQuote {
        items = List.copyOf(items);
    }

    /** One line of the quote, e.g. "Phí chứng thực bản sao …", 7000. */
    public record Item(String name, long amount) {}
}
