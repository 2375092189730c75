import Foundation

/// Where the delta-rs peer's interpreter and script are: the Python of `$SLUICE_INTEROP_PYTHON`
/// or of the `.venv-interop` venv made by `scripts/test.sh`, and `scripts/peers/deltars_pin.py`,
/// both looked up from the current directory and then upwards from this executable (which
/// lives in `.build/<configuration>/` of the repository).
struct PeerEnvironment {
  var python: String
  var script: String

  static let scriptPath = "scripts/peers/deltars_pin.py"
  static let venvPython = ".venv-interop/bin/python"

  /// The environment, or why the peer cannot run.
  static func locate() -> Result<PeerEnvironment, PeerUnavailable> {
    let roots = candidateRoots()
    guard let script = roots.map({ $0 + "/" + scriptPath }).first(where: isFile) else {
      return .failure(
        PeerUnavailable(reason: "\(scriptPath) not found (run sluice-bench from the repository)"))
    }
    if let configured = ProcessInfo.processInfo.environment["SLUICE_INTEROP_PYTHON"], !configured.isEmpty {
      guard FileManager.default.isExecutableFile(atPath: configured) else {
        return .failure(
          PeerUnavailable(reason: "SLUICE_INTEROP_PYTHON is not an executable", detail: configured))
      }
      return .success(PeerEnvironment(python: configured, script: script))
    }
    guard
      let python = roots.map({ $0 + "/" + venvPython }).first(where: {
        FileManager.default.isExecutableFile(atPath: $0)
      })
    else {
      return .failure(PeerUnavailable(reason: "run scripts/test.sh once to create .venv-interop"))
    }
    return .success(PeerEnvironment(python: python, script: script))
  }

  /// The current directory, then the executable's folder and up to five of its parents.
  static func candidateRoots() -> [String] {
    var roots = [FileManager.default.currentDirectoryPath]
    var folder = (PipelineChild.executablePath() as NSString).deletingLastPathComponent
    for _ in 0..<6 where folder.count > 1 {
      roots.append(folder)
      folder = (folder as NSString).deletingLastPathComponent
    }
    return roots
  }

  static func isFile(_ path: String) -> Bool {
    var directory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && !directory.boolValue
  }
}

/// Why the peer case is reported as not run: a short reason for the table, details for the
/// notes.
struct PeerUnavailable: Error {
  var reason: String
  var detail: String?

  init(reason: String, detail: String? = nil) {
    self.reason = reason
    self.detail = detail
  }
}
