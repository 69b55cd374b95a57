import AdminPanelSettings from '@mui/icons-material/AdminPanelSettings';
import Analytics from '@mui/icons-material/Analytics';
import CalendarMonth from '@mui/icons-material/CalendarMonth';
import Campaign from '@mui/icons-material/Campaign';
import Groups from '@mui/icons-material/Groups';
import Payments from '@mui/icons-material/Payments';
import People from '@mui/icons-material/People';
import Spa from '@mui/icons-material/Spa';
import Star from '@mui/icons-material/Star';
import Storefront from '@mui/icons-material/Storefront';
import SupportAgent from '@mui/icons-material/SupportAgent';
import TableChart from '@mui/icons-material/TableChart';
import Badge from '@mui/icons-material/Badge';
import type { SvgIconComponent } from '@mui/icons-material';

/** An icon per module name; modules the table does not know get a generic one. */
const ICONS: Record<string, SvgIconComponent> = {
  administration: AdminPanelSettings,
  catalog: Spa,
  vendors: Storefront,
  therapists: Badge,
  bookings: CalendarMonth,
  finance: Payments,
  hr: Groups,
  customers: People,
  reviews: Star,
  marketing: Campaign,
  support: SupportAgent,
  analytics: Analytics,
};

export const moduleIcon = (module: string): SvgIconComponent => ICONS[module] ?? TableChart;
