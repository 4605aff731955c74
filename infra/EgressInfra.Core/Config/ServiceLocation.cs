namespace EgressInfra.Core.Config;

/// <summary>Whether the destination is outside the mesh (no mTLS) or part of it.</summary>
public enum ServiceLocation
{
    MeshExternal,
    MeshInternal,
}
