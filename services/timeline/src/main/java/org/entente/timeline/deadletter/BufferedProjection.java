package org.entente.timeline.deadletter;

/**
 * A projection whose event handlers only buffer rows; the rows are written when the processor's
 * batch prepares to commit, through an {@link IsolatingFlush} that dead-letters the event the
 * database refuses. Its handlers need no savepoint each ({@link SavepointPerEventHandler} leaves
 * them alone): that would cost two statements per event and protect nothing, as nothing is written
 * while an event is handled.
 */
public interface BufferedProjection {}
