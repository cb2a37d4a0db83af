using LeopardEm.Tests.TestData;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace LeopardEm.Tests.Search;

/// <summary>
/// A fact of a backend contract suite: it runs once per concrete test class (one per backend), and is reported as
/// skipped, with the reason, for a class whose backend cannot run here (its public static <c>Unavailable</c> property
/// returns the reason), except in CI (<see cref="Requirement"/>) unless the class is a
/// <see cref="HardwareBackendAttribute"/> one.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("LeopardEm.Tests.Search.BackendFactDiscoverer", "LeopardEm.Tests")]
public sealed class BackendFactAttribute : FactAttribute;

/// <summary>Discovers <see cref="BackendFactAttribute"/> tests, skipping those of unavailable backends.</summary>
public sealed class BackendFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    /// <inheritdoc />
    public IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var type = testMethod.TestClass.Class.ToRuntimeType();
        var property = type.GetProperty("Unavailable", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.FlattenHierarchy);
        var unavailable = property?.GetValue(null) as string;
        var reason = type.IsDefined(typeof(HardwareBackendAttribute), inherit: false)
            ? unavailable is null ? null : $"{OnRequest.HardwarePrefix} {unavailable}"
            : Requirement.SkipReason(unavailable);
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        yield return reason is null
            ? new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod)
            : new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod, reason);
    }
}
