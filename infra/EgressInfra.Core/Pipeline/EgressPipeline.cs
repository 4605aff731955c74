using EgressInfra.Core.Analysis;
using EgressInfra.Core.Config.Binding;
using EgressInfra.Core.Delivery;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Fragments;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Manifests.Modes;
using EgressInfra.Core.Profiles;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Istio;

namespace EgressInfra.Core.Pipeline;

/// <summary>
/// The one path from config to objects that both doors use: bind, build, validate against Istio's
/// rules, analyse across entries, apply the profile's policy, then attach file and line to every finding.
/// </summary>
public static class EgressPipeline
{
    /// <summary>Analysis codes a profile rule already judges on a stack (see IProfileRule.Supersedes).</summary>
    private static readonly HashSet<string> SupersededByProfile =
        [.. Profiles.Rules.ProfileRules.All.SelectMany(r => r.Supersedes)];

    /// <summary>Nodes of a tree (about 30 a service) from which dropping it is worth a full collection.</summary>
    private const int LargeTree = 100_000;

    /// <summary>Evaluates a stack file read by <see cref="StackFile"/>; problems found while reading come first.</summary>
    public static EgressPlan Evaluate(StackDocument document, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.ProjectConfig is null)
        {
            return new EgressPlan(null, null, DiagnosticOrder.Sort(document.Problems)) { IsUnusable = true };
        }

        options ??= EvaluationOptions.Default;
        if (options.StackName is null && StackNames.FromFileName(document.File) is { } name)
        {
            options = options with { StackName = name };
        }

        // Only what is needed afterwards is kept, not the document: its tree can go once it is bound.
        var (problems, rewrites) = (document.Problems, document.PathRewrites);
        var plan = Evaluate(document.ProjectConfig, null, options);
        if (problems.Count == 0 && rewrites.Count == 0)
        {
            return plan;
        }

        var all = DiagnosticOrder.Sort(problems.Concat(plan.Diagnostics).Select(d => FragmentResolver.Rewrite(d, rewrites)));
        return plan with { Manifests = all.Any(d => d.IsError) ? null : plan.Manifests, Diagnostics = all };
    }

    /// <summary>
    /// The Pulumi door: the config as Pulumi hands it, the stack file for positions, and the project's
    /// files for the fragments under <c>egress.include</c>, read exactly as egressctl reads them.
    /// </summary>
    public static EgressPlan Evaluate(MappingNode projectConfig, MappingNode? locator, IProjectFiles? files, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(projectConfig);
        var loaded = FragmentResolver.Load(projectConfig, files, locator);
        if (loaded is null)
        {
            return Evaluate(projectConfig, locator, options);
        }

        var config = FragmentResolver.Apply(projectConfig, loaded);
        var mergedLocator = locator is null ? null : FragmentResolver.Apply(locator, loaded);
        var plan = Evaluate(config, mergedLocator, options);
        var rewrites = FragmentResolver.PathRewrites(projectConfig, loaded);
        var problems = loaded.Problems.Select(d => d.Location is not null ? d : d with { Location = ConfigPath.LocateSource(mergedLocator ?? config, d.Path) });
        var all = DiagnosticOrder.Sort(problems.Concat(plan.Diagnostics).Select(d => FragmentResolver.Rewrite(d, rewrites)));
        return plan with { Manifests = all.Any(d => d.IsError) ? null : plan.Manifests, Diagnostics = all };
    }

    /// <param name="projectConfig">The project's keys, namespace prefix removed.</param>
    /// <param name="locator">A tree with source locations for the same keys (the stack file), when the
    /// config itself carries none (Pulumi hands the program JSON).</param>
    public static EgressPlan Evaluate(MappingNode projectConfig, MappingNode? locator = null, EvaluationOptions? options = null)
    {
        options ??= EvaluationOptions.Default;
        var diagnostics = new List<Diagnostic>();
        var bound = StackConfigBinder.Bind(projectConfig);

        // Findings are located at the end, from a map of positions: the trees are not used past this
        // line, so a large stack's parse tree is not held while its objects are built and analysed.
        var sources = SourceMap.Of(locator ?? projectConfig);
        if (sources.Count >= LargeTree)
        {
            // The parse tree of a large stack is garbage from here on and most of the heap; it is old
            // enough to sit in gen2, which the GC would leave to grow with the objects built next.
            // One blocking collection now (tens of milliseconds) keeps peak memory near what is alive.
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        diagnostics.AddRange(bound.Diagnostics);
        var config = bound.Config;
        if (config is null)
        {
            return Finish(null, null, diagnostics, sources);
        }

        config = StackNames.Apply(config, options.StackName, diagnostics);
        config = ContextEnvironment.Apply(config, options.StackName, diagnostics);

        // Where the stack deploys is part of its file: a prod stack without a target is reported here.
        diagnostics.AddRange(DeliveryTarget.Check(config, deploying: false));

        var built = ManifestBuilder.BuildServiceEntries(config.Egress);
        foreach (var item in built)
        {
            if (Validation.AnnotationLimit.Check(item) is { } tooLarge)
            {
                diagnostics.Add(tooLarge);
            }

            foreach (var finding in ServiceEntryValidator.Validate(item.Entry))
            {
                diagnostics.Add(finding with
                {
                    Path = item.ToConfigPath(finding.Path),
                    Resource = ((IKubernetesObject)item.Entry).DisplayName,
                });
            }
        }

        var entries = built.Select(b => b.Entry).ToList();
        foreach (var finding in EgressAnalyzer.Analyze(entries))
        {
            if (SupersededByProfile.Contains(finding.Diagnostic.Code))
            {
                continue;
            }

            var item = built[finding.EntryIndex];
            diagnostics.Add(finding.Diagnostic with
            {
                Path = item.ToConfigPath(finding.Diagnostic.Path),
                Resource = finding.Diagnostic.Resource ?? ((IKubernetesObject)item.Entry).DisplayName,
            });
        }

        // The mode's own findings (what it cannot build from this model), then its objects.
        var mode = ModeBuilders.For(config.Egress.Mode);
        diagnostics.AddRange(mode.Check(config.Egress));
        var manifests = ManifestBuilder.Build(config.Egress, built);

        // Policy last: the profile's rules judge what would be deployed, presets included; a mandatory
        // finding is an error, so Finish withholds the manifests and nothing is registered.
        var today = DateOnly.FromDateTime(options.Time.GetUtcNow().UtcDateTime);
        diagnostics.AddRange(PolicyStage.Evaluate(config, manifests, today));
        return Finish(config, manifests, diagnostics, sources) with
        {
            Postures = [.. mode.Postures(config.Egress)],
            ServiceEntries = built,
        };
    }

    private static EgressPlan Finish(Config.StackConfig? config, EgressManifests? manifests, List<Diagnostic> diagnostics, SourceMap sources)
    {
        var located = diagnostics.Select(d => d.Location is not null ? d : d with
        {
            Location = sources.Locate(d.Path),
        });

        // A service used by several namespaces yields one entry each; report a finding once (the first).
        // A set, not GroupBy + Select: see EgressManifests.Sorted on LINQ's generic virtual calls at start-up.
        var seen = new HashSet<(string, string, string)>();
        var unique = new List<Diagnostic>(diagnostics.Count);
        foreach (var d in located)
        {
            if (seen.Add((d.Code, d.Path, d.Message)))
            {
                unique.Add(d);
            }
        }

        var sorted = DiagnosticOrder.Sort(unique);
        var hasErrors = sorted.Any(d => d.IsError);
        return new EgressPlan(config, hasErrors ? null : manifests, sorted);
    }
}
