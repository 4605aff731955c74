using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Analysis;

/// <summary>
/// One cross-entry check. Rules read the shared <see cref="AnalysisIndex"/> (built once per
/// analysis) and never compare entries pairwise, so a stack of thousands of services stays fast.
/// </summary>
internal interface IAnalysisRule
{
    DiagnosticDescriptor Descriptor { get; }

    IEnumerable<EntryFinding> Analyze(AnalysisIndex index);
}
