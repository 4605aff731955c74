using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Changes;

/// <summary>
/// Whether a stack would still evaluate cleanly with a change applied: the same pipeline that gates
/// deployment, so every rule it runs (Istio's, cross-entry analysis, the profile's policy) has its say.
/// </summary>
/// <param name="Profile">The stack's policy profile, named in messages.</param>
/// <param name="Errors">Errors the changed stack would raise; empty means the change is accepted.</param>
/// <param name="NewWarnings">Warnings the change would add to the ones the stack already has.</param>
/// <param name="Verified">True when the changed stack was explained again and the destination came out allowed.</param>
public sealed record ChangeAcceptance(string Profile, IReadOnlyList<Diagnostic> Errors, IReadOnlyList<Diagnostic> NewWarnings, bool Verified)
{
    public bool Accepted => Errors.Count == 0;
}
