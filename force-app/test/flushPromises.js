// The one way LWC tests wait for pending promise callbacks and the re-render they cause:
// a macrotask runs only after every queued microtask (wire emissions, awaited writes) settles.
export default function flushPromises() {
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    return new Promise((resolve) => setTimeout(resolve, 0));
}
