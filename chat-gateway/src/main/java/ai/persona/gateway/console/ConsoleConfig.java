package ai.persona.gateway.console;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The web console's server side. */
@ConfigMapping(prefix = "gateway.console")
public interface ConsoleConfig {

    /** How often a quiet persona-changes stream sends a heartbeat; below common proxy idle timeouts (60 s). */
    @WithDefault("PT20S")
    Duration heartbeat();
}
