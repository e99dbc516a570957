package org.entente.recorder;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the recorder alone for its integration tests. */
@SpringBootApplication
public class RecorderTestApplication {}
