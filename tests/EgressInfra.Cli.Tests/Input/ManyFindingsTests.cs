using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EgressInfra.Cli.Output;

namespace EgressInfra.Cli.Tests.Input;

/// <summary>
/// Inputs whose work could grow faster than their size: tens of thousands of unknown keys in one
/// mapping or under policy.rules, thousands of findings, a flood of repeated keys. Each ends in
/// seconds, prints the first findings in full and counts the rest.
/// </summary>
public class ManyFindingsTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    private static string StackWith(string egressExtra, string topExtra = "")
    {
        var sb = new StringBuilder("config:\n  egress-infra:environment: dev\n");
        sb.Append(topExtra);
        sb.Append("  egress-infra:egress:\n    namespaces: [ns1]\n");
        sb.Append(egressExtra);
        return sb.ToString();
    }

    private static string Lines(int count, Func<int, string> line)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            sb.Append(line(i)).Append('\n');
        }

        return sb.ToString();
    }

    private static (int Exit, JsonElement Root, TimeSpan Took) CheckJson(string text)
    {
        var file = CliRunner.TempFile(text);
        var clock = Stopwatch.StartNew();
        var (exit, output, err) = SpecialFiles.RunWithin(Generous, null, "check", "--file", file, "--format", "json");
        clock.Stop();
        Assert.True(output.Length > 0, err);
        return (exit, JsonDocument.Parse(output).RootElement.Clone(), clock.Elapsed);
    }

    [Fact]
    public void FortyThousandUnknownKeys_AreReportedFirstThousandInFull()
    {
        var (exit, root, _) = CheckJson(StackWith(Lines(40_000, i => string.Create(CultureInfo.InvariantCulture, $"    unknownKey{i}: 1"))));

        Assert.Equal(1, exit);
        var diagnostics = root.GetProperty("diagnostics");
        Assert.Equal(DiagnosticWriter.MaxShown + 1, diagnostics.GetArrayLength());
        var last = diagnostics[DiagnosticWriter.MaxShown];
        Assert.Equal("EGR032", last.GetProperty("code").GetString());
        Assert.Contains("39000 more findings not shown (39000 errors", last.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(diagnostics[0].GetProperty("column").GetInt32() > 0);
    }

    [Fact]
    public void TwentyThousandUnknownRules_EndWithFindings()
    {
        var rules = "  egress-infra:policy:\n    rules:\n" + Lines(20_000, i => string.Create(CultureInfo.InvariantCulture, $"      no-such-rule-{i}: mandatory"));

        var (exit, root, _) = CheckJson(StackWith(string.Empty, rules));

        Assert.Equal(1, exit);
        Assert.Contains("EGR322", root.GetProperty("diagnostics")[0].GetProperty("code").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CostIsLinear_DoublingTheKeysAtMostAboutDoublesTheTime()
    {
        // Warm up, then compare 10,000 against 40,000 keys: quadratic work would take 16 times as long.
        CheckJson(StackWith(Lines(1_000, i => $"    k{i}: 1")));
        var small = CheckJson(StackWith(Lines(10_000, i => $"    k{i}: 1"))).Took;
        var large = CheckJson(StackWith(Lines(40_000, i => $"    k{i}: 1"))).Took;

        Assert.True(large.TotalMilliseconds < (small.TotalMilliseconds * 10) + 2000, $"10k keys {small}, 40k keys {large}");
    }

    [Fact]
    public void FloodOfRepeatedKeys_StopsAtTheProblemLimit()
    {
        var (exit, root, _) = CheckJson("config:\n" + Lines(200_000, _ => "  k: v"));

        Assert.Equal(2, exit);
        var codes = root.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList();
        Assert.Contains("EGR011", codes);
        Assert.Equal(500, codes.Count(c => c == "EGR006")); // the first repeats, then the reader stops
    }

    [Fact]
    public void ThousandsOfFindings_InText_EndWithTheCountAndTheFullSummary()
    {
        var services = "    services:\n" + Lines(3_000, i => string.Create(CultureInfo.InvariantCulture, $"      - {{ name: s{i}, hosts: [h{i}.example.com], ports: [{{ number: 0, protocol: TLS }}], namespaces: [ns1], owner: a, reason: b }}"));
        var file = CliRunner.TempFile(StackWith(services));

        var (exit, output, _) = SpecialFiles.RunWithin(Generous, null, "check", "--file", file);

        Assert.Equal(1, exit);
        Assert.Contains("info EGR032: 2000 more findings not shown (2000 errors, 0 warnings)", output, StringComparison.Ordinal);
        Assert.Contains(": 3000 errors", output, StringComparison.Ordinal);
    }
}
