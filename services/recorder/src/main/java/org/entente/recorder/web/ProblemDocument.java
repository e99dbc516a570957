package org.entente.recorder.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The shape of our problem documents, for the OpenAPI description only: responses are built as
 * Spring {@code ProblemDetail}s by {@link Problems}.
 */
@Schema(name = "Problem", description = "RFC 9457 problem document (application/problem+json)")
record ProblemDocument(
    @Schema(example = "urn:entente:problem:rule-violation") String type,
    @Schema(example = "A rule is broken") String title,
    @Schema(example = "422") int status,
    @Schema(example = "weight: must be -5.0 for CAMEO code 112 on goldstein") String detail,
    @Schema(example = "/api/statements") String instance,
    @Schema(description = "The request's X-Correlation-Id") String correlationId,
    @Schema(description = "Each field at fault and why") List<FieldProblem> errors) {}
