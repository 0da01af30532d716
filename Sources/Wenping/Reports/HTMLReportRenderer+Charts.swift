/// The pictures of the HTML report, drawn as inline SVG with fixed-decimal coordinates.
///
/// Every picture repeats its meaning in text (degree labels in the matrix cells, values beside the bars, a
/// numbered legend), so it reads the same printed in black and white.
extension HTMLReportRenderer {
    /// Cell fills for degrees, least to most severe; a ruleset with another number of degrees samples this ramp.
    private static let degreePalette = ["#e3f2e1", "#c5e3bf", "#fff0b3", "#ffd19a", "#f5a3a3"]
    private static let ink = "#1b1b1b"
    private static let arrowInk = "#203864"

    /// The fill for degree `index` (0-based) of `count` degrees.
    static func degreeColour(_ index: Int, of count: Int) -> String {
        guard count > 1 else { return degreePalette[0] }
        let steps = degreePalette.count - 1
        let position = (2 * index * steps + count - 1) / (2 * (count - 1))
        return degreePalette[min(max(position, 0), steps)]
    }

    /// A marker's centre and radius inside the matrix.
    private struct Spot {
        let x: Double
        let y: Double
        let radius: Double
    }

    /// The probability × impact matrix: cells shaded and labelled by degree, each applicable factor numbered at
    /// its position before measures, with an arrow to a dashed marker where adopted measures move it.
    ///
    /// - Parameter caption: false to leave out the numbered caption (it refers to the report's factor table).
    static func matrixFigure(_ model: ReportModel, caption: Bool = true) -> String {
        let ruleSet = model.ruleSet
        let rows = ruleSet.probabilityScale.levels.count
        let columns = ruleSet.impactScale.levels.count
        let (cellWidth, cellHeight, left, top) = (100.0, 76.0, 92.0, 10.0)
        let width = left + Double(columns) * cellWidth + 10
        let height = top + Double(rows) * cellHeight + 54
        func origin(_ probability: Int, _ impact: Int) -> (x: Double, y: Double) {
            (left + Double(impact) * cellWidth, top + Double(rows - 1 - probability) * cellHeight)
        }
        func cell(_ level: Int, _ count: Int) -> Int { min(max(level - 1, 0), count - 1) }

        // Who sits in each cell: before-markers first, then the after-markers of factors moved there.
        let factors = model.factors.filter(\.isApplicable)
        var occupants = Array(repeating: Array(repeating: [(number: Int, after: Bool)](), count: columns), count: rows)
        for (number, factor) in factors.enumerated() {
            occupants[cell(factor.before.probability.level, rows)][cell(factor.before.impact.level, columns)]
                .append((number, false))
        }
        for (number, factor) in factors.enumerated() where moved(factor) {
            occupants[cell(factor.after.probability.level, rows)][cell(factor.after.impact.level, columns)]
                .append((number, true))
        }
        var before = [Spot?](repeating: nil, count: factors.count)
        var after = [Spot?](repeating: nil, count: factors.count)
        var svg = "<svg class=\"matrix\" viewBox=\"0 0 \(c(width)) \(c(height))\" width=\"\(c(width))\" "
        svg += "height=\"\(c(height))\" role=\"img\" aria-label=\"风险矩阵\">\n"
        for probability in 0..<rows {
            for impact in 0..<columns {
                let (x, y) = origin(probability, impact)
                let degree = ruleSet.degrees.table[probability][impact]
                svg += "<rect x=\"\(c(x))\" y=\"\(c(y))\" width=\"\(c(cellWidth))\" height=\"\(c(cellHeight))\" "
                svg += "fill=\"\(degreeColour(degree, of: ruleSet.degrees.labels.count))\" stroke=\"#8a8a8a\" "
                svg += "stroke-width=\"0.8\"/>\n"
                svg += text(ruleSet.degrees.labels[degree], x: x + 5, y: y + 13, size: 10, fill: "#444")
                let here = occupants[probability][impact]
                for (spot, occupant) in zip(slots(here.count, x: x, y: y, width: cellWidth, height: cellHeight), here) {
                    if occupant.after { after[occupant.number] = spot } else { before[occupant.number] = spot }
                }
            }
        }
        svg += axes(ruleSet, rows: rows, columns: columns, left: left, top: top, cell: (cellWidth, cellHeight))
        let spots = (before + after).compactMap { $0 }
        for (from, to) in zip(before, after) {
            guard let from, let to else { continue }
            let others = spots.filter { ($0.x, $0.y) != (from.x, from.y) && ($0.x, $0.y) != (to.x, to.y) }
            svg += arrow(from, to, avoiding: others)
        }
        for (number, spot) in after.enumerated() {
            guard let spot else { continue }
            svg += "<g class=\"marker-after\"><circle cx=\"\(c(spot.x))\" cy=\"\(c(spot.y))\" r=\"\(c(spot.radius))\" "
            svg += "fill=\"#ffffff\" stroke=\"\(ink)\" stroke-width=\"1.2\" stroke-dasharray=\"2.5 1.5\"/>"
            svg += label(number + 1, spot, fill: ink) + "</g>\n"
        }
        for (number, spot) in before.enumerated() {
            guard let spot else { continue }
            svg += "<g class=\"marker\"><circle cx=\"\(c(spot.x))\" cy=\"\(c(spot.y))\" r=\"\(c(spot.radius))\" "
            svg += "fill=\"\(ink)\"/>" + label(number + 1, spot, fill: "#ffffff") + "</g>\n"
        }
        svg += "</svg>\n"

        var out = "<figure class=\"chart\">\n" + svg + "<ul class=\"legend\">\n"
        for (number, factor) in factors.enumerated() {
            out += "<li><span class=\"num\">\(number + 1)</span>\(HTML.escape(factor.label))</li>\n"
        }
        out += "</ul>\n"
        guard caption else { return out + "</figure>\n" }
        out += "<figcaption>图1 风险矩阵。编号为下表序号；实心圆为措施前的位置，虚线圆为落实措施后的位置，"
        out += "箭头表示措施带来的变化；格内文字为该格的风险程度。</figcaption>\n</figure>\n"
        return out
    }

    /// Horizontal bars of each applicable factor's weighted contribution to the index, before measures (dark)
    /// and after (light), each labelled with its value.
    ///
    /// - Parameter caption: false to leave out the numbered caption.
    static func contributionFigure(_ model: ReportModel, caption: Bool = true) -> String {
        let factors = model.factors.filter(\.isApplicable)
        guard !factors.isEmpty else { return "" }
        let (width, labelWidth, rowHeight, top) = (640.0, 250.0, 36.0, 30.0)
        let barMax = width - labelWidth - 60
        let largest = factors.map { max($0.before.contribution, $0.after.contribution) }.max() ?? 0
        let scale = largest > 0 ? barMax / largest : 0
        let height = top + rowHeight * Double(factors.count) + 8
        var svg = "<svg class=\"bars\" viewBox=\"0 0 \(c(width)) \(c(height))\" width=\"\(c(width))\" "
        svg += "height=\"\(c(height))\" role=\"img\" aria-label=\"各风险因素的加权贡献\">\n"
        svg += bar("key", x: labelWidth, y: 8, width: 14, height: 10, before: true)
        svg += text("措施前", x: labelWidth + 20, y: 17, size: 11, fill: ink)
        svg += bar("key", x: labelWidth + 80, y: 8, width: 14, height: 10, before: false)
        svg += text("落实措施后", x: labelWidth + 100, y: 17, size: 11, fill: ink)
        for (row, factor) in factors.enumerated() {
            let y = top + Double(row) * rowHeight
            let middle = y + rowHeight / 2
            let lines = HTML.wrap("\(row + 1) \(factor.label)", ems: (labelWidth - 14) / 11.5, maxLines: 2)
            for (index, line) in lines.enumerated() {
                let baseline = middle + 4 + (Double(index) - Double(lines.count - 1) / 2) * 14
                svg += text(line, x: labelWidth - 8, y: baseline, size: 11.5, fill: ink, anchor: "end")
            }
            let beforeWidth = factor.before.contribution * scale
            let afterWidth = factor.after.contribution * scale
            svg += bar("bar-before", x: labelWidth, y: y + 6, width: beforeWidth, height: 12, before: true)
            svg += text(
                Formatting.index(factor.before.contribution), x: labelWidth + beforeWidth + 4, y: y + 16, size: 10,
                fill: ink)
            svg += bar("bar-after", x: labelWidth, y: y + 20, width: afterWidth, height: 9, before: false)
            svg += text(
                Formatting.index(factor.after.contribution), x: labelWidth + afterWidth + 4, y: y + 28.5, size: 9.5,
                fill: "#444")
        }
        svg += "<line x1=\"\(c(labelWidth))\" y1=\"\(c(top - 2))\" x2=\"\(c(labelWidth))\" y2=\"\(c(height - 6))\" "
        svg += "stroke=\"\(ink)\" stroke-width=\"1\"/>\n</svg>\n"
        var out = "<figure class=\"chart\">\n" + svg
        guard caption else { return out + "</figure>\n" }
        out += "<figcaption>图2 各风险因素对综合风险指数的加权贡献（权重 × 概率分值 × 影响分值 / Σ权重），"
        out += "深色为措施前，浅色为落实措施后；综合风险指数措施前为 \(Formatting.index(model.before.index))，"
        out += "落实措施后为 \(Formatting.index(model.after.index))。</figcaption>\n</figure>\n"
        return out
    }

    /// Whether adopted measures move the factor to another cell of the matrix.
    static func moved(_ factor: ReportModel.Factor) -> Bool {
        factor.before.probability.level != factor.after.probability.level
            || factor.before.impact.level != factor.after.impact.level
    }

    /// Centres for `count` markers in one cell, on the grid that keeps them largest; below the degree label.
    private static func slots(_ count: Int, x: Double, y: Double, width: Double, height: Double) -> [Spot] {
        guard count > 0 else { return [] }
        let (areaX, areaY, areaWidth, areaHeight) = (x + 4, y + 17, width - 8, height - 21)
        var best = (columns: 1, pitch: 0.0)
        for columns in 1...count {
            let rows = (count + columns - 1) / columns
            let pitch = min(23, areaWidth / Double(columns), areaHeight / Double(rows))
            if pitch >= best.pitch { best = (columns, pitch) }
        }
        let rows = (count + best.columns - 1) / best.columns
        let startX = areaX + (areaWidth - Double(best.columns) * best.pitch + best.pitch) / 2
        let startY = areaY + (areaHeight - Double(rows) * best.pitch + best.pitch) / 2
        return (0..<count).map { index in
            Spot(
                x: startX + Double(index % best.columns) * best.pitch,
                y: startY + Double(index / best.columns) * best.pitch, radius: best.pitch * 0.4)
        }
    }

    private static func axes(
        _ ruleSet: CompiledRuleSet, rows: Int, columns: Int, left: Double, top: Double,
        cell: (width: Double, height: Double)
    ) -> String {
        var out = ""
        for (index, level) in ruleSet.probabilityScale.levels.enumerated() {
            let lines = HTML.wrap(level.label, ems: (left - 34) / 11, maxLines: 2)
            let middle = top + (Double(rows - 1 - index) + 0.5) * cell.height
            for (number, line) in lines.enumerated() {
                let baseline = middle + 4 + (Double(number) - Double(lines.count - 1) / 2) * 13
                out += text(line, x: left - 6, y: baseline, size: 11, fill: ink, anchor: "end")
            }
        }
        let bottom = top + Double(rows) * cell.height
        for (index, level) in ruleSet.impactScale.levels.enumerated() {
            let lines = HTML.wrap(level.label, ems: (cell.width - 6) / 11, maxLines: 2)
            for (number, line) in lines.enumerated() {
                let x = left + (Double(index) + 0.5) * cell.width
                out += text(line, x: x, y: bottom + 16 + Double(number) * 13, size: 11, fill: ink, anchor: "middle")
            }
        }
        let title = Array("风险概率")
        for (index, character) in title.enumerated() {
            let y = top + Double(rows) * cell.height / 2 + (Double(index) - Double(title.count - 1) / 2) * 15 + 5
            out += text(String(character), x: 12, y: y, size: 12.5, fill: ink, anchor: "middle", bold: true)
        }
        let middle = left + Double(columns) * cell.width / 2
        return out + text("影响程度", x: middle, y: bottom + 44, size: 12.5, fill: ink, anchor: "middle", bold: true)
    }

    /// An arrow from one marker to another: straight when that clears every other marker, otherwise the curve
    /// among a few ever wider ones that cuts least deep into other markers (grazing one beats crossing its
    /// number).
    private static func arrow(_ from: Spot, _ to: Spot, avoiding obstacles: [Spot]) -> String {
        let (dx, dy) = (to.x - from.x, to.y - from.y)
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > from.radius + to.radius + 8 else { return "" }
        let middle = (x: (from.x + to.x) / 2, y: (from.y + to.y) / 2)
        let normal = (x: -dy / length, y: dx / length)
        var best = (bend: 0.0, cost: Double.infinity)
        for bend in [0.0, 16, -16, 32, -32, 48, -48, 64, -64] {
            let control = (x: middle.x + normal.x * bend, y: middle.y + normal.y * bend)
            var cost = 0.0
            for obstacle in obstacles {
                var nearest = Double.infinity
                for t in stride(from: 0.0, through: 1.0, by: 0.02) {
                    let x = (1 - t) * (1 - t) * from.x + 2 * (1 - t) * t * control.x + t * t * to.x
                    let y = (1 - t) * (1 - t) * from.y + 2 * (1 - t) * t * control.y + t * t * to.y
                    nearest = min(nearest, ((x - obstacle.x) * (x - obstacle.x) + (y - obstacle.y) * (y - obstacle.y)))
                }
                cost += max(0, obstacle.radius + 2.5 - nearest.squareRoot())
            }
            if cost < best.cost { best = (bend, cost) }
            if cost == 0 { break }
        }
        let control = (x: middle.x + normal.x * best.bend, y: middle.y + normal.y * best.bend)
        func unit(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
            let size = max((x * x + y * y).squareRoot(), 0.001)
            return (x / size, y / size)
        }
        let leave = unit(control.x - from.x, control.y - from.y)
        let into = unit(to.x - control.x, to.y - control.y)
        let start = (x: from.x + leave.x * (from.radius + 1), y: from.y + leave.y * (from.radius + 1))
        let tip = (x: to.x - into.x * (to.radius + 1.5), y: to.y - into.y * (to.radius + 1.5))
        let base = (x: tip.x - into.x * 7, y: tip.y - into.y * 7)
        var svg = "<g class=\"arrow\"><path d=\"M\(c(start.x)),\(c(start.y)) Q\(c(control.x)),\(c(control.y)) "
        svg += "\(c(base.x)),\(c(base.y))\" fill=\"none\" stroke=\"\(arrowInk)\" stroke-width=\"1.6\"/>"
        svg += "<polygon points=\"\(c(tip.x)),\(c(tip.y)) \(c(base.x - into.y * 3.5)),\(c(base.y + into.x * 3.5)) "
        svg += "\(c(base.x + into.y * 3.5)),\(c(base.y - into.x * 3.5))\" fill=\"\(arrowInk)\"/></g>\n"
        return svg
    }

    private static func label(_ number: Int, _ spot: Spot, fill: String) -> String {
        let size = spot.radius * 1.15
        return "<text x=\"\(c(spot.x))\" y=\"\(c(spot.y + size * 0.36))\" font-size=\"\(c(size))\" "
            + "text-anchor=\"middle\" font-weight=\"700\" fill=\"\(fill)\">\(number)</text>"
    }

    private static func bar(_ kind: String, x: Double, y: Double, width: Double, height: Double, before: Bool)
        -> String
    {
        "<rect class=\"\(kind)\" x=\"\(c(x))\" y=\"\(c(y))\" width=\"\(c(width))\" height=\"\(c(height))\" "
            + (before ? "fill=\"#3b5b92\"/>\n" : "fill=\"#b9cbe6\" stroke=\"#3b5b92\" stroke-width=\"0.6\"/>\n")
    }

    private static func text(
        _ content: String, x: Double, y: Double, size: Double, fill: String, anchor: String = "start",
        bold: Bool = false
    ) -> String {
        "<text x=\"\(c(x))\" y=\"\(c(y))\" font-size=\"\(c(size))\" fill=\"\(fill)\""
            + (anchor == "start" ? "" : " text-anchor=\"\(anchor)\"") + (bold ? " font-weight=\"700\"" : "")
            + ">\(HTML.escape(content))</text>\n"
    }

    private static func c(_ value: Double) -> String { HTML.coordinate(value) }
}
