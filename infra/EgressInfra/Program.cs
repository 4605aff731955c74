using EgressInfra;
using Pulumi;

// Reads the stack's config, lets the Core decide, and registers what it built: everything or nothing.
return await Deployment.RunAsync(EgressProgram.RunAsync);
