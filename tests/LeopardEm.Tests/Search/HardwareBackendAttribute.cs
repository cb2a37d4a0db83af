namespace LeopardEm.Tests.Search;

/// <summary>
/// Marks a backend contract class whose backend needs hardware that CI machines do not have (a CUDA GPU): when its
/// static <c>Unavailable</c> reason is set, its contract tests are skipped with the reason even in CI, instead of
/// failing there as a missing library would (<see cref="BackendFactDiscoverer"/>). The same contract runs on ILGPU's CPU
/// accelerator in every build, so CI still checks the device code.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class HardwareBackendAttribute : Attribute;
