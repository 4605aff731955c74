using System.Globalization;
using Xunit.Abstractions;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Fuzz;

/// <summary>
/// The short form of the fuzz run, on every CI. The long form is the same test with
/// EGRESS_FUZZ_ITERATIONS=100000 (and EGRESS_FUZZ_SECONDS for its time bound); see docs/testing.md.
/// </summary>
public class StackFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void MutatedStackFiles_NeverThrow()
    {
        var iterations = Setting("EGRESS_FUZZ_ITERATIONS", 5_000);
        var seconds = Setting("EGRESS_FUZZ_SECONDS", 120);
        var seed = Setting("EGRESS_FUZZ_SEED", 20261124);
        var fuzzer = new StackFuzzer(SeedFiles(), seed);

        var started = System.Diagnostics.Stopwatch.StartNew();
        var failure = fuzzer.Run(iterations, TimeSpan.FromSeconds(seconds));
        output.WriteLine($"fuzz: seed {seed}, {fuzzer.Executed} inputs in {started.Elapsed.TotalSeconds:F1}s");

        Assert.True(failure is null, failure is null ? null : $"seed {seed}: {failure.Value.Error}\n--- input ---\n{failure.Value.Input}");
        Assert.True(fuzzer.Executed >= Math.Min(iterations, 1_000), $"only {fuzzer.Executed} inputs ran within {seconds}s");
    }

    private static List<string> SeedFiles()
    {
        var files = new List<string> { RepoPaths.File("Pulumi.dev.yaml"), RepoPaths.File("Pulumi.prod.yaml") };
        foreach (var dir in new[] { "stacks", "good-stacks" })
        {
            var path = RepoPaths.File("tests", "EgressInfra.Cli.Tests", "Corpus", dir);
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.GetFiles(path, "*.yaml").Order(StringComparer.Ordinal));
            }
        }

        return [.. files.Select(File.ReadAllText)];
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
