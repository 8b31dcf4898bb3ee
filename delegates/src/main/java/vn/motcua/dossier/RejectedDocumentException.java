package vn.motcua.dossier;

/** A file that is not of an accepted type, or is too large; nothing of the submission was stored. */
public class RejectedDocumentException extends RuntimeException {

    private final Reason reason;
    private final String fileName;

    public RejectedDocumentException(Reason reason, String fileName, String message) {
        super(message);
        this.reason = reason;
        this.fileName = fileName;
    }

    public Reason reason() {
        return reason;
    }

    public String fileName() {
        return fileName;
    }

    public enum Reason {
        UNSUPPORTED_TYPE,
        TOO_LARGE,
        /** Does not open as its type, carries active content, or is also another kind of file. */
        UNSAFE,
        /** Would take the dossier past its total of files or bytes. */
        DOSSIER_LIMIT
    }
}
