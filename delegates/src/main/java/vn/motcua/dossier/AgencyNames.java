package vn.motcua.dossier;

/** A dossier's agencies' names as they were when it was received (a later rename does not change them). */
public record AgencyNames(String receiving, String competent, String returning) {}
