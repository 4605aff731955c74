using System.Diagnostics;
using System.Runtime.CompilerServices;
using EgressInfra.Core.Analysis;
using EgressInfra.Core.Config.Binding;
using EgressInfra.Core.Diff;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Presets;
using EgressInfra.Core.Profiles;
using EgressInfra.Core.Profiles.Rules;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Istio;

namespace EgressInfra.Benchmarks;

/// <summary>
/// `--stages N`: times each step of the pipeline on a stack of N services (warm, best of five), to
/// see where a benchmark's time goes before optimising. Not a benchmark: no statistics.
/// </summary>
public static class StageTimer
{
    public static void Run(int services, int namespaces = StackGenerator.DefaultNamespaces)
    {
        var text = StackGenerator.Generate(services, namespaces);
        var changed = StackGenerator.Generate(services, namespaces, changedEvery: 100);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var round = 0; round < 2; round++)
        {
            var document = Time("read (StackFile.Parse)", () => StackFile.Parse(text, "Pulumi.bench.yaml"));
            var bound = Time("bind", () => StackConfigBinder.Bind(document.ProjectConfig!));
            var built = Time("build entries", () => ManifestBuilder.BuildServiceEntries(bound.Config!.Egress));
            Time("validate entries", () => built.Sum(b => ServiceEntryValidator.Validate(b.Entry).Count()));
            var entries = built.Select(b => b.Entry).ToList();
            Time("analyze", () => EgressAnalyzer.Analyze(entries));
            var manifests = Time("build manifests", () => ManifestBuilder.Build(bound.Config!.Egress, built));
            Time("policy (profile rules)", () => PolicyStage.Evaluate(bound.Config!, manifests, today));
            if (round == 1)
            {
                // Where the policy stage's time goes: each rule alone.
                var policy = EffectivePolicy.Resolve(bound.Config!, ProfileCatalog.Shipped, []);
                var context = new RuleContext(bound.Config!, manifests, policy.Parameters, PresetCatalog.Shipped, today);
                foreach (var rule in ProfileRules.All)
                {
                    Time($"  {rule.Id}", () => rule.Check(context).Count());
                }
            }

            var plan = Time("pipeline (read + evaluate)", () => EgressPipeline.Evaluate(StackFile.Parse(text, "Pulumi.bench.yaml")));
            Time("render", () => YamlWriter.RenderObjects(manifests.Objects));
            Time("floor", () => YamlDotNetFloor.Run(text));
            Time("diff (read + evaluate both)", () => EgressDiffer.Compare(StackFile.Parse(text, "old.yaml"), "old.yaml", StackFile.Parse(changed, "new.yaml"), "new.yaml"));
            Time("snapshot (one version)", () => EgressSnapshot.From(plan, document.ProjectConfig));
            if (round == 1)
            {
                foreach (var group in plan.Diagnostics.GroupBy(d => d.Code).OrderByDescending(g => g.Count()).Take(5))
                {
                    Console.WriteLine($"  {group.Key} x{group.Count()}: {group.First().Message}");
                }
            }

            Console.WriteLine(round == 0 ? "(warm-up above)" : $"{services} services, {namespaces} namespaces, {entries.Count} entries, {plan.Diagnostics.Count} diagnostics, {text.Length:N0} chars");
        }

        Retained(text, today);
    }

    /// <summary>`--live N`: only the live-heap steps of <see cref="Run"/>, which take seconds, not minutes.</summary>
    public static void Live(int services, int namespaces = StackGenerator.DefaultNamespaces) =>
        Retained(StackGenerator.Generate(services, namespaces), DateOnly.FromDateTime(DateTime.UtcNow));

    /// <summary>
    /// What `check` keeps alive, step by step: the live heap after a full collection while each step's
    /// result is held, as the process holds it. Peak memory follows what is alive, not what is allocated.
    /// </summary>
    private static void Retained(string text, DateOnly today)
    {
        var baseline = LiveBytes();
        HoldPlan(text, baseline);
        Report("(after the plan)", baseline, text.Length);
        var document = StackFile.Parse(text, "Pulumi.bench.yaml");
        Report("parse tree", baseline, text.Length);
        var bound = StackConfigBinder.Bind(document.ProjectConfig!);
        Report("+ bound model", baseline, text.Length);
        var sources = SourceMap.Of(document.ProjectConfig!);
        Report("+ source map", baseline, text.Length);
        var built = ManifestBuilder.BuildServiceEntries(bound.Config!.Egress);
        Report("+ service entries", baseline, text.Length);
        var manifests = ManifestBuilder.Build(bound.Config!.Egress, built);
        Report("+ manifests", baseline, text.Length);
        var findings = PolicyStage.Evaluate(bound.Config!, manifests, today).ToList();
        Report("+ policy findings", baseline, text.Length);
        GC.KeepAlive(document);
        GC.KeepAlive(sources);
        GC.KeepAlive(built);
        GC.KeepAlive(manifests);
        GC.KeepAlive(findings);
    }

    /// <summary>What the finished plan keeps once the parse tree is gone, as `check` holds it while it writes.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void HoldPlan(string text, long baseline)
    {
        var plan = Plan(text);
        Report("the plan alone", baseline, text.Length);
        GC.KeepAlive(plan);
    }

    // A frame of its own: the parsed document dies with it, as it does in `check` once evaluated.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static EgressPlan Plan(string text) => EgressPipeline.Evaluate(StackFile.Parse(text, "Pulumi.bench.yaml"));

    private static long LiveBytes() => GC.GetTotalMemory(forceFullCollection: true);

    private static void Report(string what, long baseline, int chars)
    {
        // The generated file is ASCII: one byte per character on disk.
        var live = LiveBytes() - baseline;
        Console.WriteLine($"live: {what,-26} {live / 1048576.0,8:F1} MB ({live / (double)chars:F1} x the file)");
    }

    private static T Time<T>(string stage, Func<T> step)
    {
        var best = TimeSpan.MaxValue;
        var bestCpu = TimeSpan.MaxValue;
        long allocated = 0;
        T result = default!;
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < 5; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var before = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            result = step();
            best = TimeSpan.FromTicks(Math.Min(best.Ticks, sw.Elapsed.Ticks));
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            process.Refresh();
            bestCpu = TimeSpan.FromTicks(Math.Min(bestCpu.Ticks, (process.TotalProcessorTime - cpu).Ticks));
        }

        // CPU time (all threads, GC included) is steadier than wall time on a shared machine.
        Console.WriteLine($"{stage,-30} {best.TotalMilliseconds,10:F1} ms wall {bestCpu.TotalMilliseconds,10:F1} ms cpu {allocated / 1048576.0,10:F1} MB");
        return result;
    }
}
