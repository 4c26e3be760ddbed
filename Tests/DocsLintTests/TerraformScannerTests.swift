import Testing

@testable import DocsLintConfig
@testable import DocsLintEngine
@testable import DocsLintGraph
@testable import DocsLintMarkdown
@testable import DocsLintModel
@testable import DocsLintReport
@testable import DocsLintRules
@testable import DocsLintScan

struct TerraformScannerTests {
  private func scan(_ text: String) -> Result<TerraformFile, YAMLProblem> {
    TerraformScanner.scan(SourceText(bytes: Array(text.utf8)))
  }

  @Test func blocksLabelsAndAttributes() throws {
    let text = """
      # A root module
      terraform {
        backend "s3" {
          bucket = "state" // where state lives
        }
      }

      variable "region" {
        type    = string
        default = "eu-west-1"
      }

      module "vpc" {
        source = "./modules/vpc"
        cidr   = var.cidr
        tags = {
          env = "dev"
        }
      }

      resource "aws_s3_bucket" "logs" {
        bucket = "${var.prefix}-logs-${lookup(var.map, "k", "}")}"
        policy = <<-EOT
          { "Version": "2012-10-17" }
          EOT
        lifecycle_rule {
          enabled = true
        }
      }
      /* output "old" { value = 1 } */
      output "vpc_id" { value = module.vpc.id }
      """
    let file = try scan(text).get()
    #expect(file.blocks.map(\.type) == ["terraform", "variable", "module", "resource", "output"])
    #expect(file.blocks[0].blocks.first.map { "\($0.type) \($0.labels)" } == "backend [\"s3\"]")
    #expect(file.blocks[1].labels == ["region"])
    #expect(file.blocks[1].line == 8)
    let module = file.blocks[2]
    #expect(module.attribute("source")?.stringValue == "./modules/vpc")
    #expect(module.attribute("source").map { ($0.line, $0.column) }! == (14, 12))
    #expect(module.attribute("cidr")?.stringValue == nil)
    #expect(module.attribute("tags")?.expression.hasPrefix("{") == true)
    #expect(file.blocks[3].labels == ["aws_s3_bucket", "logs"])
    #expect(file.blocks[3].blocks.map(\.type) == ["lifecycle_rule"])
    #expect(file.blocks[4].labels == ["vpc_id"])
    #expect(file.blocks[4].attribute("value")?.expression == "module.vpc.id")
  }

  @Test func tfvarsKeys() throws {
    let file = try scan("region = \"eu-west-1\"\ninstance_count = 3\ntags = {\n  a = \"b\"\n}\n").get()
    #expect(file.attributes.map(\.name) == ["region", "instance_count", "tags"])
    #expect(file.attributes.map(\.line) == [1, 2, 3])
  }

  @Test(
    "malformed input is a problem at a line",
    arguments: [
      ("resource \"a\" \"b\" {\n  x = 1\n", 1, "never closed"),
      ("x = \"unterminated\n", 1, "unterminated string"),
      ("}\n", 1, "unexpected '}'"),
      ("a = <<EOF\nbody\n", 1, "never closed"),
      ("/* open\n", 1, "unterminated"),
      ("x = [1, 2\n", 1, "never closed"),
    ])
  func malformed(_ text: String, _ line: Int, _ fragment: String) {
    switch scan(text) {
    case .success: Issue.record("accepted: \(text)")
    case .failure(let problem):
      #expect(problem.line == line, "\(problem)")
      #expect(problem.message.contains(fragment), "\(problem)")
    }
  }

  @Test func arbitraryBytesNeverCrash() {
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array("{}[]()\"=#/*<-EOF \n\tabc${}\\".unicodeScalars)
    for _ in 0..<300 {
      let text = String(String.UnicodeScalarView((0..<Int.random(in: 0..<120, using: &generator)).map { _ in
        alphabet.randomElement(using: &generator)!
      }))
      _ = scan(text)
    }
  }
}

struct IaCDetectionTests {
  @Test(
    "technologies by path",
    arguments: [
      ("infra/main.tf", "terraform"), ("envs/dev.tfvars", "terraform"), (".github/workflows/ci.yml", "github-workflow"),
      ("docker-compose.yml", "docker-compose"), ("deploy/compose.prod.yaml", "docker-compose"), ("app/Dockerfile", "dockerfile"),
      ("Dockerfile.dev", "dockerfile"), (".devcontainer/devcontainer.json", "devcontainer"),
      ("k8s/base/app.yaml", "kubernetes"), ("deploy/kubernetes/svc.yml", "kubernetes"),
      ("k8s/overlays/prod/kustomization.yaml", "kustomize"), ("charts/api/Chart.yaml", "helm"),
      ("deploy/helm/api/values-prod.yaml", "helm"), ("Vagrantfile", "vagrant"), ("ansible/site.yml", "ansible"),
      ("charts/api/templates/deployment.yaml", "helm"),
      ("playbook-web.yml", "ansible"), ("infra/inventory/prod.ini", "ansible"), ("deploy/systemd/api.service", "systemd"),
    ])
  func detects(_ path: String, _ technology: String) {
    #expect(IaCTechnology.of(path)?.rawValue == technology)
  }

  @Test(
    "not IaC",
    arguments: [
      "docs/compose.md", "config.yml", ".github/dependabot.yml", "Dockerfile.md", "main.tf.md", "templates/k8s/x.yaml",
      "k8s/README.md", "config/values.yaml",
    ])
  func ignores(_ path: String) {
    #expect(IaCTechnology.of(path) == nil)
  }

  @Test func jsonCommentsAreBlankedOutsideStrings() {
    let text = "{\n  // note\n  \"a\": \"http://x\", /* b */ \"c\": 1\n}\n"
    let cleaned = String(decoding: DevcontainerReader.withoutComments(Array(text.utf8)), as: UTF8.self)
    #expect(cleaned.contains("\"http://x\""))
    #expect(!cleaned.contains("note") && !cleaned.contains("b */"))
    #expect(cleaned.split(separator: "\n", omittingEmptySubsequences: false).count == text.split(separator: "\n", omittingEmptySubsequences: false).count)
  }
}

struct TerraformMentionTests {
  @Test(
    "addresses",
    arguments: [
      ("var.region", "variable region"), ("module.vpc.vpc_id", "module vpc"), ("module.vpc[\"a\"]", "module vpc"),
      ("aws_s3_bucket.logs.arn", "resource aws_s3_bucket.logs"), ("aws_instance.web[0]", "resource aws_instance.web"),
      ("data.aws_ami.ubuntu.id", "data data.aws_ami.ubuntu"),
    ])
  func address(_ text: String, _ expected: String) {
    let found = TerraformMentionScanner.address(Substring(text), whole: true)
    #expect(found.map { "\($0.kind) \($0.name)" } == expected)
  }

  @Test(
    "not addresses",
    arguments: [
      "module.exports", "module.exports = x", "aws_instance.tf", "main.tf", "os.path", "var.", "data.items",
      "Config_File.yaml", "var.x y", "self.var.x",
    ])
  func notAddress(_ text: String) {
    #expect(TerraformMentionScanner.address(Substring(text), whole: true) == nil)
  }
}

struct VariableTableTests {
  @Test func cellsSplitOnUnescapedPipesWithScalarColumns() {
    let cells = VariableTableScanner.cells(of: "| `región` | a \\| b |  c  |")
    #expect(cells.map(\.text) == ["`región`", "a \\| b", "c"])
    #expect(cells.map(\.column) == [3, 14, 24])
  }

  @Test func tablesInCodeBlocksAndOtherHeadersAreSkipped() {
    let text = "| Nombre | x |\n|---|---|\n| `a` | 1 |\n\n```\n| Variable |\n|---|\n| b |\n```\n\n| Tag | v |\n|---|---|\n| c | 2 |\n"
    let source = SourceText(bytes: Array(text.utf8))
    let tables = VariableTableScanner.scan(source, skipping: [5...9])
    #expect(tables.count == 1)
    #expect(tables.first?.names.map { $0.name } == ["a"])
    #expect(tables.first?.names.first?.span == SourceSpan(line: 3, column: 4, endColumn: 5))
  }
}
