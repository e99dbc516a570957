package org.entente.timeline;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Boots the read side for its integration tests. The recorder is on the test classpath only to
 * create real events through commands; production code of the timeline never uses it.
 */
@SpringBootApplication(scanBasePackages = {"org.entente.timeline", "org.entente.recorder"})
public class TimelineTestApplication {}
