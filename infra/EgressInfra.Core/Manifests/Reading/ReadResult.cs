using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Manifests.Reading;

/// <summary>
/// What a reader made of one document: the object, when Istio could decode it (values as written,
/// omitted fields null or empty), and every finding, with document paths and file locations.
/// </summary>
public sealed record ReadResult<T>(T? Value, IReadOnlyList<Diagnostic> Diagnostics)
    where T : class;
