package ai.persona.model;

/** Why a persona or a patch was rejected; stable codes that APIs and parked records carry. */
public enum ViolationReason {
    NOT_AN_OBJECT,
    UNKNOWN_SECTION,
    PATH_OUTSIDE_SCHEMA,
    WRONG_TYPE,
    VALUE_TOO_LONG,
    TOO_MANY_OPERATIONS,
    TOO_MANY_REMOVALS,
    OVER_TOKEN_BUDGET,
    EMPTIES_PERSONA,
    UNSUPPORTED_OPERATION,
    NOT_APPLICABLE,
    /** The patch was made against an older version and touches a field changed since. */
    CONFLICTS_WITH_NEWER_CHANGE,
    /** The patch names a base version the persona never had. */
    UNKNOWN_BASE_VERSION,
    EMPTY_PATCH,
    /** A string holds what cannot be stored as text: a NUL character or a lone surrogate. */
    INVALID_TEXT,
    /** A value or reason holds data of a category a persona never stores (ai.persona.model.guard). */
    SENSITIVE_DATA,
    /** The optimizer's patch touches a field or section the user pinned. */
    PINNED,
    /** An operation carries a validity ({@code until}) where none may be: a field the schema does not mark temporary, a
     * removal or list item, or a time already past. */
    NOT_TEMPORARY
}
