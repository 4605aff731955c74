using EgressInfra.Core.Lint;

namespace EgressInfra.Core.Tests.Validation.Enforcement;

/// <summary>
/// validateHTTPDirectResponse measures the decoded body: above 1MiB is an error, above 100KiB a warning.
/// A base64 body is judged by what it decodes to, so '=' padding does not push it over a limit.
/// </summary>
public sealed class DirectResponseSizeTests
{
    [Theory]
    [InlineData(1024 * 1024, false, true)]
    [InlineData((1024 * 1024) + 1, true, false)]
    [InlineData((1024 * 1024) - 1, false, true)]
    [InlineData(100 * 1024, false, false)]
    [InlineData((100 * 1024) + 1, false, true)]
    public void Bytes_body_is_measured_decoded(int decodedBytes, bool error, bool warning)
    {
        var encoded = Convert.ToBase64String(new byte[decodedBytes]);
        var result = ManifestLinter.Lint([("vs.yaml", Document($"bytes: {encoded}"))]);
        Assert.Equal(error, result.HasErrors);
        Assert.Equal(warning, result.Diagnostics.Any(d => !d.IsError && d.Path.Contains("directResponse.body", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(1024 * 1024, false)]
    [InlineData((1024 * 1024) + 1, true)]
    public void String_body_counts_utf8_bytes(int bytes, bool error)
    {
        // Two-byte characters: half as many characters as bytes, so a character count would pass.
        var body = new string('\u00e9', bytes / 2) + (bytes % 2 == 1 ? "a" : string.Empty);
        var result = ManifestLinter.Lint([("vs.yaml", Document($"string: '{body}'"))]);
        Assert.Equal(error, result.HasErrors);
    }

    private static string Document(string body) => $"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {"{"}name: big, namespace: default{"}"}
        spec:
          hosts: [foo.bar]
          http:
          - directResponse:
              status: 200
              body:
                {body}
        """;
}
