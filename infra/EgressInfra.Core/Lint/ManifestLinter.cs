using EgressInfra.Core.Analysis;
using EgressInfra.Core.Analysis.Enforcement;
using EgressInfra.Core.Collections;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Manifests.Reading;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Istio;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Lint;

/// <summary>
/// Lints Kubernetes YAML that already exists: reads every document strictly (what the API server
/// rejects), runs Istio's rules on each ServiceEntry (what the webhook rejects or warns about), then
/// the cross-entry analysis over all entries of all files together, and places each finding at the
/// file and line of the node its path names. Never throws for bad input.
/// </summary>
public static class ManifestLinter
{
    /// <summary>The namespace an object without one is applied to (kubectl's default context namespace).</summary>
    public const string DefaultNamespace = "default";

    /// <summary>
    /// Findings after which lint stops reading documents: a dump of millions of broken documents
    /// would otherwise hold a finding for each in memory. Far more than anyone reads; the report says
    /// where it stopped.
    /// </summary>
    public const int MaxFindings = 100_000;

    /// <param name="inputs">File names as they should appear in findings, with their text, in a fixed order.</param>
    public static LintResult Lint(IEnumerable<(string File, string Text)> inputs, LintOptions? options = null) =>
        Lint(inputs, options ?? LintOptions.Default, entry => ServiceEntryValidator.Validate(entry, WebhookOnly), EgressAnalyzer.Analyze);

    /// <summary>The manifest reader already applies the CRD schema (EGR15x); the validator adds the webhook's rules.</summary>
    private static readonly IstioValidationOptions WebhookOnly = IstioValidationOptions.Default with { CheckCrdSchema = false };

    /// <summary>The same, with the per-entry rules and the analysis given: tests check the plumbing with their own.</summary>
    internal static LintResult Lint(
        IEnumerable<(string File, string Text)> inputs,
        LintOptions options,
        Func<ServiceEntry, IEnumerable<Diagnostic>> validate,
        Func<IReadOnlyList<ServiceEntry>, IReadOnlyList<EntryFinding>> analyze)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var diagnostics = new List<Diagnostic>();
        var entries = new List<ReadEntry>();
        var sidecars = new List<Sidecar>();
        var sidecarDocuments = new List<ReadSidecar>();
        var trees = new List<AmbientLint.Document>();
        var origination = new TlsOrigination();
        var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int documents = 0, serviceEntries = 0, sidecarCount = 0;

        var setObjects = new List<PlacedObject>();
        var enforcementCounts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        Diagnostic? stopped = null;
        foreach (var (file, text) in inputs)
        {
            if (stopped is not null)
            {
                break;
            }

            var toolKind = ToolFiles.KindOf(file);
            foreach (var document in YamlTreeReader.ReadEach(text, file))
            {
                if (document.Root is null && document.Problems.Count == 0)
                {
                    continue;
                }

                if (ToolFiles.IsToolDocument(toolKind, document.Root))
                {
                    documents++;
                    skipped[toolKind!] = skipped.GetValueOrDefault(toolKind!) + 1;
                    diagnostics.AddRange(document.Problems.Select(d => d with { Location = d.Location ?? new SourceLocation(file, document.StartLine, 1) }));
                    continue;
                }

                if (diagnostics.Count >= MaxFindings)
                {
                    stopped = InputCodes.FindingsTruncated.Create(string.Empty, $"lint stopped after {diagnostics.Count} findings; documents from here on were not read", severity: Severity.Error) with
                    {
                        Location = new SourceLocation(file, document.StartLine, 1),
                    };
                    break;
                }

                // kubectl applies the items of a List one by one: lint reads them as documents of their own.
                IReadOnlyList<ConfigNode?> roots = document.Root is null ? [null] : [.. ListItems.Expand(document.Root)];
                var first = true;
                foreach (var root in roots)
                {
                    documents++;
                    var read = root is null ? null : ManifestReader.Read(root);
                    if (first)
                    {
                        // The document's own problems (YAML syntax, duplicate keys) are reported once, with the first object.
                        diagnostics.AddRange(document.Problems.Select(d => d with
                        {
                            Location = d.Location ?? new SourceLocation(file, document.StartLine, 1),
                            Resource = d.Resource ?? (root == document.Root ? read?.Resource : null),
                        }));
                        first = false;
                    }

                    if (read is null)
                    {
                        continue;
                    }

                    diagnostics.AddRange(read.Diagnostics);
                    if (root is MappingNode tree)
                    {
                        trees.Add(new AmbientLint.Document(tree, read.Resource));
                    }

                    switch (read.Kind)
                    {
                        case ManifestKind.ServiceEntry:
                            serviceEntries++;
                            if (read.Object is ServiceEntry entry)
                            {
                                var readEntry = new ReadEntry(entry, root!, read.Resource);
                                entries.Add(readEntry);
                                diagnostics.AddRange(validate(readEntry.Effective).Select(d => readEntry.Place(d)));
                                setObjects.Add(PlacedObject.Of(ServiceEntry.Group, ServiceEntry.KindName, (MappingNode)root!, read.Resource));
                            }

                            break;
                        case ManifestKind.Sidecar:
                            sidecarCount++;
                            if (read.Object is Sidecar sidecar && root is MappingNode sidecarRoot)
                            {
                                sidecars.Add(sidecar);
                                var place = new ReadSidecar(sidecarRoot, read.Resource);
                                sidecarDocuments.Add(place);
                                diagnostics.AddRange(SidecarValidator.Validate(sidecarRoot).Select(place.Place));
                                setObjects.Add(PlacedObject.Of(ServiceEntry.Group, Sidecar.KindName, (MappingNode)root!, read.Resource));
                            }

                            break;
                        case ManifestKind.Other:
                            var map = (MappingNode)root!;
                            var apiVersion = SpecNode.String(map, "apiVersion") ?? string.Empty;
                            var group = apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.LastIndexOf('/')] : string.Empty;
                            if (EnforcementKind.Find(group, read.KindName!) is { } kind)
                            {
                                if (kind.Kind == DestinationRule.KindName)
                                {
                                    origination.Add(map);
                                }

                                enforcementCounts[kind.Kind] = enforcementCounts.GetValueOrDefault(kind.Kind) + 1;
                                var found = ObjectChecker.Check(kind, map, apiVersion, DefaultNamespace);
                                diagnostics.AddRange(found.Select(d => d with { Location = d.Location ?? ConfigPath.LocateSource(map, d.Path), Resource = d.Resource ?? read.Resource }));
                                if (!found.Any(d => d.Code is "EGR151" or "EGR155" or "EGR402"))
                                {
                                    setObjects.Add(PlacedObject.Of(group, kind.Kind, map, read.Resource));
                                }

                                break;
                            }

                            skipped[read.KindName!] = skipped.GetValueOrDefault(read.KindName!) + 1;
                            setObjects.Add(PlacedObject.Of(group, read.KindName!, map, read.Resource));
                            break;
                    }
                }
            }
        }

        // Of one object written twice, the cluster keeps the last copy: rules across objects see only that one.
        diagnostics.AddRange(RepeatedObjects.Find([.. setObjects.Select(o => o.Identity)]));
        var replacedObjects = RepeatedObjects.Replaced([.. setObjects.Select(o => o.Identity)]);
        var liveObjects = setObjects.Where((_, i) => !replacedObjects[i]).ToList();
        var set = new ObjectSet([.. liveObjects.Select(o => o.Object)]);
        foreach (var finding in EnforcementAnalyzer.Analyze(set, options.EnforcementRules))
        {
            var placed = liveObjects[finding.ObjectIndex].Place(finding.Diagnostic);

            // Analysis findings inform (Istio admits the objects); the profile's own rules keep their severity.
            var isProfileRule = finding.Diagnostic.Code is "EGR490" or "EGR491";
            diagnostics.Add(placed.Severity == Severity.Error && !isProfileRule ? placed with { Severity = Severity.Warning } : placed);
        }

        var replacedSidecars = RepeatedObjects.Replaced([.. sidecars.Select((s, i) => new RepeatedObjects.Entry(
            ServiceEntry.Group, Sidecar.KindName, s.Metadata.Namespace ?? DefaultNamespace, s.Metadata.Name, sidecarDocuments[i].Root, null))]);
        var candidates = sidecars.Select((s, i) => new SidecarConflicts.Candidate(
            i,
            s.Metadata.Namespace ?? DefaultNamespace,
            s.Metadata.Name,
            SelectorOf(sidecarDocuments[i].Root))).Where(c => !replacedSidecars[c.Index]).ToList();
        var cluster = WorkloadFacts.Read(trees.Select(t => t.Root));
        foreach (var (index, finding) in SidecarConflicts.Find(candidates, cluster.Pods, cluster.AmbientNamespaces))
        {
            diagnostics.Add(sidecarDocuments[index].Place(finding));
        }

        diagnostics.AddRange(AmbientLint.Analyze(trees));
        var replacedEntries = RepeatedObjects.Replaced([.. entries.Select(e => new RepeatedObjects.Entry(
            ServiceEntry.Group, ServiceEntry.KindName, e.Effective.Metadata.Namespace ?? DefaultNamespace, e.Entry.Metadata.Name, (MappingNode)e.Root, null))]);
        var readEntries = entries;
        entries = [.. entries.Where((_, i) => !replacedEntries[i])];
        foreach (var finding in analyze([.. entries.Select(e => e.Effective)]))
        {
            // An index outside the set is the analysis's bug; keep its finding rather than lose it or throw.
            // istioctl's IST0134 skips an entry whose status.addresses Istio has allocated (addressAllocated).
            if (finding.Diagnostic.Code == AnalysisCodes.AddressesRequired.Code
                && finding.EntryIndex >= 0 && finding.EntryIndex < entries.Count && entries[finding.EntryIndex].HasAllocatedAddresses)
            {
                continue;
            }

            // The analysis names the entry it reports on with its effective namespace; lint names it as written,
            // as istioctl analyze does (a document without a namespace is named without one).
            var placed = finding.EntryIndex >= 0 && finding.EntryIndex < entries.Count
                ? entries[finding.EntryIndex].Place(finding.Diagnostic)
                : finding.Diagnostic;

            // Istio admits what the analysis finds: in lint it informs, unless the profile says otherwise.
            diagnostics.Add(placed.Severity == Severity.Error ? placed with { Severity = Severity.Warning } : placed);
        }

        if (options.ApplyRestrictiveRules)
        {
            foreach (var (index, finding) in ManifestPolicy.Check([.. entries.Select(e => e.Effective)], origination))
            {
                diagnostics.Add(entries[index].Place(finding));
            }
        }

        if (stopped is not null)
        {
            diagnostics.Add(stopped);
        }

        var final = options.RaiseToErrors
            ? diagnostics.Select(d => d.Severity == Severity.Warning ? d with { Severity = Severity.Error } : d)
            : diagnostics;
        var counts = new LintCounts(documents, serviceEntries, sidecarCount, new ValueMap<int>(skipped)) { EnforcementKinds = new ValueMap<int>(enforcementCounts) };
        return new LintResult(DiagnosticOrder.Sort(final), counts, [.. readEntries.Select(e => e.Entry)], sidecars);
    }

    /// <summary>The workloadSelector's labels, or null for a Sidecar that applies to the whole namespace.</summary>
    private static Dictionary<string, string>? SelectorOf(MappingNode root)
    {
        var labels = ((root["spec"] as MappingNode)?["workloadSelector"] as MappingNode)?["labels"] as MappingNode;
        if (labels is null || labels.Entries.Count == 0)
        {
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in labels.Entries)
        {
            result[key.Text] = (value as ScalarNode)?.Text ?? string.Empty;
        }

        return result;
    }

    /// <summary>A Sidecar document and where its findings go.</summary>
    private sealed class ReadSidecar(MappingNode root, string? resource)
    {
        public MappingNode Root { get; } = root;

        public Diagnostic Place(Diagnostic finding) => finding with
        {
            Location = finding.Location ?? ConfigPath.LocateSource(Root, finding.Path),
            Resource = resource,
        };
    }

    /// <summary>An entry as written, the one Istio's rules see, and where its findings go.</summary>
    private sealed class ReadEntry(ServiceEntry entry, ConfigNode root, string? resource)
    {
        public ServiceEntry Entry { get; } = entry;

        public ConfigNode Root { get; } = root;

        /// <summary>True when the document's status lists addresses Istio allocated to the entry.</summary>
        public bool HasAllocatedAddresses { get; } =
            ((root as MappingNode)?["status"] as MappingNode)?["addresses"] is SequenceNode { Items.Count: > 0 };

        /// <summary>
        /// With the namespace kubectl would apply it to, so that exportTo "." and namespace-scoped rules
        /// mean what they will mean in the cluster; findings still name the object as written.
        /// </summary>
        public ServiceEntry Effective { get; } = entry.Metadata.Namespace is null
            ? entry with { Metadata = entry.Metadata with { Namespace = DefaultNamespace } }
            : entry;

        /// <summary>Places a finding at its node, naming the entry as written.</summary>
        public Diagnostic Place(Diagnostic finding) => finding with
        {
            Location = finding.Location ?? ConfigPath.LocateSource(Root, finding.Path),
            Resource = resource,
        };
    }

    /// <summary>An object of the analysed set, and how its findings are placed in its file.</summary>
    private sealed class PlacedObject(SetObject obj, string? resource)
    {
        public SetObject Object { get; } = obj;

        public RepeatedObjects.Entry Identity => new(Object.Group, Object.Kind, Object.Input.Namespace, Object.Input.Name, Object.Input.Root, resource);

        public static PlacedObject Of(string group, string kind, MappingNode root, string? resource) =>
            new(new SetObject(group, kind, ObjectInput.Of(root, DefaultNamespace)), resource);

        public Diagnostic Place(Diagnostic finding) => finding with
        {
            Location = finding.Location ?? ConfigPath.LocateSource(Object.Input.Root, finding.Path),
            Resource = finding.Resource ?? resource,
        };
    }
}
