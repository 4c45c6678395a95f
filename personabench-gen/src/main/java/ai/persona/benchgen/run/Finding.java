package ai.persona.benchgen.run;

/** A unit that was dropped (malformed or invalid twice) or filtered (the filter's verdict), for the report. */
public record Finding(String unit, String stage, String status, String reason) {
}
