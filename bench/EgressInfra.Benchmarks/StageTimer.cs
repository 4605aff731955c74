using System.Diagnostics;
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
