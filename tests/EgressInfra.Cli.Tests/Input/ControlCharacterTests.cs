using EgressInfra.Cli.Output;
using EgressInfra.TestSupport;

namespace EgressInfra.Cli.Tests.Input;

/// <summary>
/// Control characters in values (reached through YAML escapes such as "\e" and "\0") are refused
/// where Kubernetes or Istio refuse them, and never printed raw, in any format.
/// </summary>
public class ControlCharacterTests
{
    private const string Stack = """
        config:
          egress-infra:environment: dev
          egress-infra:egress:
            namespaces: [ns1]
            services:
              - name: "bad\0name"
                hosts: ["api\e[2K.example.com"]
                ports: [{ number: 443, protocol: TLS }]
                namespaces: [ns1]
                owner: "x\e[1A\e[2K"
                reason: "line\rerase\u202e\u009b"
        """;

    private static bool HasRawControl(string text) => text.Any(c => ControlCharacterEscaper.NeedsEscape(c));

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("github")]
    [InlineData("sarif")]
    public void Check_RefusesAndEscapes(string format)
    {
        var file = CliRunner.TempFile(Stack);

        var (exit, output, err) = CliRunner.Run("check", "--file", file, "--format", format);

        Assert.Equal(1, exit);
        Assert.False(HasRawControl(output + err), output);
        Assert.Contains("EGR012", output, StringComparison.Ordinal); // the name is not a DNS label
        Assert.Contains(@"\u0000", output, StringComparison.OrdinalIgnoreCase);
        if (format is "json" or "sarif")
        {
            using var _ = System.Text.Json.JsonDocument.Parse(output);
        }
    }

    [Fact]
    public void Lint_RefusesAndEscapes()
    {
        const string manifest = """
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: "a\0b\e[2K"
              namespace: ns
              annotations: { note: "x\e[1A\r" }
            spec:
              hosts: ["h\e.example.com"]
              ports: [{ number: 443, name: tls, protocol: TLS }]
              resolution: DNS
            """;

        foreach (var format in new[] { "text", "json", "github", "sarif" })
        {
            var (exit, output, err) = CliRunner.RunWithInput(manifest, "lint", "-", "--format", format);

            Assert.Equal(1, exit);
            Assert.False(HasRawControl(output + err), output);
            Assert.Contains("EGR156", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WaiverReason_CannotRewriteTheTerminal_InDiffMarkdown()
    {
        var old = RepoPaths.ReadText("Pulumi.dev.yaml");
        var changed = old.Replace("reason: git clone over HTTPS.", "reason: \"clone\\e[2K\\e[1A\\rfake\\u202e\"", StringComparison.Ordinal);
        Assert.NotEqual(old, changed);
        var a = CliRunner.TempFile(old, "Pulumi.a.yaml");
        var b = CliRunner.TempFile(changed, "Pulumi.b.yaml");

        foreach (var format in new[] { "text", "markdown" })
        {
            var (exit, output, err) = CliRunner.Run("diff", "--file", a, "--file", b, "--format", format);

            Assert.True(exit == 0, output + err);
            Assert.False(HasRawControl(output + err), output);
        }
    }

    [Fact]
    public void LineBreakInAValue_DoesNotStartAFakeFinding()
    {
        var file = CliRunner.TempFile("""
            config:
              egress-infra:environment: dev
              egress-infra:egress:
                namespaces: [ns1]
                "x\nerror EGR999: forged": 1
            """);

        var (exit, output, _) = CliRunner.Run("check", "--file", file);

        Assert.Equal(1, exit);
        Assert.DoesNotContain("\nerror EGR999", output, StringComparison.Ordinal);
        Assert.Contains(@"x\nerror EGR999", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Escaper_LeavesTabsAndLineFeedsAndEscapesTheRest()
    {
        Assert.Equal("a\tb\nc", ControlCharacterEscaper.Escape("a\tb\nc"));
        Assert.Equal(@"\u001b[2K\u000d\u0000\u009b\u202e", ControlCharacterEscaper.Escape("\u001b[2K\r\0\u009b\u202e"));
    }

    [Fact]
    public void Escaper_EscapesExactlyTheCharactersItJudgesDangerous_AcrossTheWholeBasicPlane()
    {
        // The fast scan (a set of characters) and the per-character judgement must never disagree:
        // a character the scan missed would reach the terminal raw.
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            var text = "a" + c + "b";
            Assert.Equal(ControlCharacterEscaper.NeedsEscape(c), ControlCharacterEscaper.Escape(text) != text);
        }
    }
}
