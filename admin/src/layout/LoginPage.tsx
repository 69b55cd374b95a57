import Shield from '@mui/icons-material/Shield';
import { Typography } from '@mui/material';
import { Login, LoginForm } from 'react-admin';

/** react-admin's login, in the product's colours and with its name on it. */
export function LoginPage() {
  return (
    <Login
      avatarIcon={<Shield />}
      sx={{
        backgroundImage: 'linear-gradient(135deg, #1b3a57 0%, #24527a 55%, #1f7a6d 100%)',
        '& .RaLogin-card': { borderRadius: 3, pt: 1 },
        '& .RaLogin-icon': { bgcolor: 'primary.main' },
      }}
    >
      <Typography variant="h6" align="center" sx={{ fontWeight: 600 }}>
        Gatehouse
      </Typography>
      <Typography variant="body2" align="center" color="text.secondary">
        Sign in with your work email
      </Typography>
      <LoginForm />
    </Login>
  );
}
