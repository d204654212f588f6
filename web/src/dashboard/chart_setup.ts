// Registers the parts of Chart.js the dashboard draws with (and only those, so the bundle
// leaves the rest out), in the app's font. Imported once, by the chart components.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from "chart.js";

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);
Chart.defaults.font.family = '"Heebo Variable", "Heebo", system-ui, sans-serif';
