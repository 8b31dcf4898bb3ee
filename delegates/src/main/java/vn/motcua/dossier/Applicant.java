package vn.motcua.dossier;

import java.time.LocalDate;

/** The person a dossier belongs to. Personal data: shown only to the applicant and the agency's staff. */
public record Applicant(
        String name, String identityNumber, LocalDate birthDate, String phone, String email, String address) {}
