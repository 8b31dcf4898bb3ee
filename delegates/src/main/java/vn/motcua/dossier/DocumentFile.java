package vn.motcua.dossier;

/**
 * A file handed in for one of a procedure's documents.
 *
 * @param documentCode the procedure's document code it is for (from procedure.yaml), e.g. {@code ban-chinh}
 * @param fileName     as sent, normalised by {@link UploadInspection#fileName}
 * @param contentType  the type the sender declared; checked against the bytes
 */
public record DocumentFile(String documentCode, String fileName, String contentType, byte[] content) {

    /** The name is normalised wherever a file comes from (no folders, controls or bidi overrides; length-limited). */
    public DocumentFile {
        fileName = UploadInspection.fileName(fileName);
    }
}
