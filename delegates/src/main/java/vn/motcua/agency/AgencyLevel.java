package vn.motcua.agency;

/**
 * The kinds of agency of a province's two-level government (since 1/7/2025 there are no districts): the
 * province's people's committee, its departments, its police, its communes and wards, and central bodies.
 */
public enum AgencyLevel {
    CENTRAL,
    PROVINCE,
    DEPARTMENT,
    POLICE,
    COMMUNE
}
