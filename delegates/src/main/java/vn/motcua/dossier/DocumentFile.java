package vn.motcua.dossier;

/**
 * A file handed in for one of a procedure's documents.
 *
 * @param documentCode the procedure's document code it is for (from procedure.yaml), e.g. {@code ban-chinh}
 * @param contentType  the type the sender declared; checked against the bytes
 */
public record DocumentFile(String documentCode, String fileName, String contentType, byte[] content) {}
