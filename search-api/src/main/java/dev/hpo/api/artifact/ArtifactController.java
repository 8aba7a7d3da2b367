package dev.hpo.api.artifact;

import dev.hpo.protocol.ArtifactView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Files kept of trials: listed and downloaded by anyone who can read the study, uploaded by a trial's worker. */
@RestController
class ArtifactController {

    private final Artifacts artifacts;

    ArtifactController(Artifacts artifacts) {
        this.artifacts = artifacts;
    }

    @GetMapping("/api/studies/{studyId}/trials/{trialId}/artifacts")
    @Operation(tags = "trials", operationId = "listArtifacts", summary = "List a trial's files",
            description = "The files kept of the trial (its trained network, when its study keeps it), by name. A "
                    + "study imported from an archive lists the files its archive named, with available false.")
    List<ArtifactView> list(@PathVariable long studyId, @PathVariable long trialId) {
        return artifacts.list(studyId, trialId);
    }

    @GetMapping(value = "/api/studies/{studyId}/trials/{trialId}/artifacts/{name}",
            produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @Operation(tags = "trials", operationId = "downloadArtifact", summary = "Download a trial's file",
            description = "The file's bytes, streamed, with its length and SHA-256.")
    @ApiResponse(responseCode = "200", description = "The file.",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                    schema = @Schema(type = "string", format = "binary")),
            headers = @Header(name = ArtifactView.CHECKSUM_HEADER, description = "The SHA-256 of the bytes, 64 "
                    + "lowercase hex digits.", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No such study, trial or file, or a file an import did not "
            + "carry.")
    ResponseEntity<Resource> download(@PathVariable long studyId, @PathVariable long trialId,
                                      @PathVariable String name) {
        Artifacts.Download download = artifacts.download(studyId, trialId, name);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(download.artifact().sizeBytes())
                .header(ArtifactView.CHECKSUM_HEADER, download.artifact().sha256())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(new FileSystemResource(download.file()));
    }

    @PostMapping(value = "/api/trials/{trialId}/artifacts/{name}",
            consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @Operation(tags = "worker protocol", operationId = "uploadArtifact", summary = "Upload a running trial's file",
            description = "The worker running the trial sends a file of it (its trained network) before completing "
                    + "it, the body being the file's bytes and the header its SHA-256. The service recomputes the "
                    + "checksum and keeps nothing when it differs; the same name uploaded again replaces the file. "
                    + "When the trial ends, only the files of the study's best configurations are kept.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                    schema = @Schema(type = "string", format = "binary"))))
    @ApiResponse(responseCode = "200", description = "The file as kept.")
    @ApiResponse(responseCode = "409", description = "The study keeps no artifacts, or the trial is not running "
            + "for this worker.")
    @ApiResponse(responseCode = "413", description = "The file is larger than the service accepts.")
    ArtifactView upload(@PathVariable long trialId, @PathVariable String name, @RequestParam String workerId,
                        @RequestHeader(name = ArtifactView.CHECKSUM_HEADER, required = false) String sha256,
                        HttpServletRequest request) {
        try {
            return artifacts.upload(trialId, workerId, name, sha256, request.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be read", e);
        }
    }
}
