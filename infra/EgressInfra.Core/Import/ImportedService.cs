using EgressInfra.Core.Manifests;

namespace EgressInfra.Core.Import;

/// <summary>Entries that grant the same thing, gathered into one service of the stack, granted to every namespace any of them reached.</summary>
internal sealed class ImportedService(string key, SourceEntry first)
{
    public string Key { get; } = key;

    public ServiceEntrySpec Spec { get; } = first.Entry.Spec;

    public List<SourceEntry> Sources { get; } = [first];

    public SortedSet<string> Namespaces { get; } = new(StringComparer.Ordinal);

    public string Name { get; set; } = string.Empty;

    public string? Owner => Annotation(ManagedLabels.OwnerAnnotation);

    public string? Reason => Annotation(ManagedLabels.ReasonAnnotation);

    /// <summary>The first value any source carries (sources are in input order).</summary>
    public string? Annotation(string key) =>
        Sources.Select(s => s.Entry.Metadata.Annotations.TryGetValue(key, out var v) ? v : null).FirstOrDefault(v => v is not null);

    public IEnumerable<string> Conflicting(string key) =>
        Sources.Select(s => s.Entry.Metadata.Annotations.TryGetValue(key, out var v) ? v : null).OfType<string>().Distinct(StringComparer.Ordinal);
}
