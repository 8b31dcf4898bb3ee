package vn.motcua.procedure;

/**
 * The online public-service level of a procedure (formerly "level 4" and "level 3"):
 * full-online returns the result online; partial returns it at the desk.
 */
public enum ServiceLevel {
    FULL_ONLINE,
    PARTIAL
}
