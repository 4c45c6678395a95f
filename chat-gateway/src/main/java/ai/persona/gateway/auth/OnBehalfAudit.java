package ai.persona.gateway.auth;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import ai.persona.input.LogText;

/**
 * One log line per request an app key makes for one of its users: which app, which user, which endpoint. The user and
 * the path are the client's strings, escaped so that none can end the line and forge the next. Its own category, so a
 * deployment can route it to an audit sink: {@value #CATEGORY}.
 */
@ApplicationScoped
public class OnBehalfAudit {

    public static final String CATEGORY = "ai.persona.gateway.audit";

    private static final Logger LOG = Logger.getLogger(CATEGORY);

    public void actedFor(String appId, String endUser, String personaUserId, String method, String path) {
        LOG.infof("on-behalf-of app=%s user=%s persona-user=%s endpoint=%s %s", LogText.escape(appId),
                LogText.escape(endUser), LogText.escape(personaUserId), method, LogText.escape(path));
    }
}
